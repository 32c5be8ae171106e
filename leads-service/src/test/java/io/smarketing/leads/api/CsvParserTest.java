package io.smarketing.leads.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvParserTest {

    private static List<CsvParser.Row> parse(String text) {
        return CsvParser.parse(text);
    }

    @Test
    void plainFieldsAreSplitOnCommasKeepingEmptyOnes() {
        List<CsvParser.Row> rows = parse("a,b,c\n1,,3\n");

        assertEquals(2, rows.size());
        assertEquals(List.of("a", "b", "c"), rows.get(0).fields());
        assertEquals(List.of("1", "", "3"), rows.get(1).fields());
        assertEquals(2, rows.get(1).line());
    }

    @Test
    void quotedFieldsMayHoldCommasEscapedQuotesAndLineBreaks() {
        List<CsvParser.Row> rows = parse("name,note\n\"Lee, Ann\",\"She said \"\"hi\"\"\nthen left\"\nnext,row\n");

        assertEquals(List.of("Lee, Ann", "She said \"hi\"\nthen left"), rows.get(1).fields());
        assertEquals(2, rows.get(1).line());
        assertEquals(4, rows.get(2).line(), "the record after a two-line field starts on line 4");
    }

    @Test
    void anEmptyQuotedFieldIsAnEmptyValue() {
        assertEquals(List.of("a", "", "c"), parse("a,\"\",c").get(0).fields());
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() {
        assertEquals(List.of("email", "name"), parse("\uFEFFemail,name\nx,y").get(0).fields());
    }

    @Test
    void blankLinesAreSkippedButStillCounted() {
        List<CsvParser.Row> rows = parse("h1,h2\n\n   \na,b\r\n\r\nc,d\n\n");

        assertEquals(3, rows.size());
        assertEquals(4, rows.get(1).line());
        assertEquals(6, rows.get(2).line());
        assertEquals(List.of("c", "d"), rows.get(2).fields());
    }

    @Test
    void crlfAndLfEndingsReadTheSame() {
        assertEquals(parse("a,b\nc,d\n"), parse("a,b\r\nc,d\r\n"));
    }

    @Test
    void theLastLineNeedsNoLineBreak() {
        List<CsvParser.Row> rows = parse("a,b\nc,d");

        assertEquals(List.of("c", "d"), rows.get(1).fields());
    }

    @Test
    void rowsMayHaveAnyNumberOfFieldsTheCallerChecksTheCount() {
        List<CsvParser.Row> rows = parse("a,b,c\n1,2\n1,2,3,4\n");

        assertEquals(2, rows.get(1).fields().size());
        assertEquals(4, rows.get(2).fields().size());
        assertNull(rows.get(1).error());
    }

    @Test
    void anUnclosedQuoteIsAnErrorOnTheLineItStarts() {
        List<CsvParser.Row> rows = parse("a,b\n1,2\n\"open,3\n4,5\n");

        assertEquals(3, rows.size());
        assertEquals(3, rows.get(2).line());
        assertEquals("a quoted field is not closed", rows.get(2).error());
        assertNull(rows.get(1).error());
    }

    @Test
    void textAfterAClosingQuoteIsAnErrorOfThatRowOnly() {
        List<CsvParser.Row> rows = parse("a,b\n\"x\"y,2\n3,4\n");

        assertEquals("text after the closing quote of field 1", rows.get(1).error());
        assertNull(rows.get(2).error());
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsKeptAsText() {
        assertEquals(List.of("5\" screen", "x"), parse("5\" screen,x").get(0).fields());
    }

    @Test
    void emptyInputHasNoRows() {
        assertEquals(List.of(), parse(""));
        assertEquals(List.of(), parse("\uFEFF\n\n"));
    }

    @Test
    void aRecordKeepsAtMostItsLimitsAndSaysItWasCut() {
        CsvParser parser = new CsvParser(new java.io.StringReader("a,b,c,d\nxxxxxxxx,y\n\"open"), 3, 5);

        CsvParser.Row wide = parser.next();
        assertEquals(List.of("a", "b", "c"), wide.fields());
        assertEquals("more than 3 fields", wide.error());
        CsvParser.Row long_ = parser.next();
        assertEquals(List.of("xxxxx", "y"), long_.fields());
        assertEquals("field 1 is longer than 5 characters", long_.error());
        assertEquals("a quoted field is not closed", parser.next().error());
        assertNull(parser.next());
    }
}
