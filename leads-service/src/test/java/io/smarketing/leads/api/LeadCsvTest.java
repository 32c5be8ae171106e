package io.smarketing.leads.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.events.Channel;
import io.smarketing.leads.service.LeadImport;

class LeadCsvTest {

    private static final jakarta.validation.ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();
    private static final LeadCsv CSV = new LeadCsv(VALIDATOR, 5);

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void aValidLineBecomesALeadWithTrimmedValuesAndEmptyOptionalsAbsent() {
        UUID campaign = UUID.randomUUID();
        List<LeadImport.Line> lines = CSV.read("email,name,company,title,phone,campaignId,channel\n"
                + " ann@acme.com , Ann Lee ,Acme,,," + campaign + ", event \n");

        LeadImport.Line line = lines.get(0);
        assertNull(line.error());
        assertEquals(2, line.number());
        assertEquals("ann@acme.com", line.lead().email());
        assertEquals("Ann Lee", line.lead().name());
        assertNull(line.lead().title());
        assertEquals(campaign, line.lead().campaignId());
        assertEquals(Channel.EVENT, line.lead().channel());
    }

    @Test
    void columnsMayComeInAnyOrderAndSpelling() {
        List<LeadImport.Line> lines = CSV.read("Channel,E-Mail,NAME,Campaign_ID\nWEB,a@b.com,Ann,\n");

        assertNull(lines.get(0).error());
        assertEquals("a@b.com", lines.get(0).lead().email());
    }

    @Test
    void aLineWithTheWrongNumberOfColumnsIsRejectedAlone() {
        List<LeadImport.Line> lines = CSV.read("email,name,channel\na@b.com,Ann\nc@d.com,Cy,WEB\ne@f.com,Ed,WEB,extra\n");

        assertEquals("expected 3 columns, found 2", lines.get(0).error());
        assertNull(lines.get(1).error());
        assertEquals("expected 3 columns, found 4", lines.get(2).error());
        assertEquals(4, lines.get(2).number());
    }

    @Test
    void everyBrokenRuleOfALineIsReported() {
        List<LeadImport.Line> lines = CSV.read("email,name,channel,campaignId\nnot-an-email,,FAX,42\n");

        String error = lines.get(0).error();
        assertTrue(error.contains("channel: must be one of [WEB, EMAIL, EVENT, ADS, SOCIAL, REFERRAL, OTHER]"), error);
        assertTrue(error.contains("campaignId: must be a UUID"), error);
        assertTrue(error.contains("email: must be a well-formed email address"), error);
        assertTrue(error.contains("name: must not be blank"), error);
    }

    @Test
    void aMissingChannelIsRequired() {
        assertEquals("channel: must not be null", CSV.read("email,name,channel\na@b.com,Ann,\n").get(0).error());
    }

    @Test
    void quotedValuesAndABomAreRead() {
        List<LeadImport.Line> lines = CSV.read("\uFEFFemail,name,company,channel\r\n\"a@b.com\",\"Lee, Ann\",\"Acme \"\"West\"\"\",WEB\r\n");

        assertEquals("Lee, Ann", lines.get(0).lead().name());
        assertEquals("Acme \"West\"", lines.get(0).lead().company());
    }

    @Test
    void blankLinesAreNeitherLeadsNorRejections() {
        List<LeadImport.Line> lines = CSV.read("email,name,channel\n\na@b.com,Ann,WEB\n\n\nc@d.com,Cy,WEB\n");

        assertEquals(2, lines.size());
        assertEquals(List.of(3, 6), lines.stream().map(LeadImport.Line::number).toList());
    }

    @Test
    void anUnclosedQuoteRejectsItsLine() {
        List<LeadImport.Line> lines = CSV.read("email,name,channel\na@b.com,\"Ann,WEB\n");

        assertEquals("a quoted field is not closed", lines.get(0).error());
    }

    @Test
    void aFileWithoutHeaderOrWithBadColumnsIsRefusedAsAWhole() {
        assertEquals(422, assertThrows(ProblemException.class, () -> CSV.read("")).status());
        assertProblem("required column(s) missing: [channel]", "email,name\na@b.com,Ann\n");
        assertProblem("unknown column 'fax'", "email,name,channel,fax\n");
        assertProblem("column 'email' appears twice", "email,name,channel,EMAIL\n");
    }

    @Test
    void moreLinesThanTheLimitAreRefused() {
        String six = "email,name,channel\n" + "a@b.com,A,WEB\n".repeat(6);

        assertProblem("the file has more than 5 data lines; at most 5 per import", six);
    }

    private static void assertProblem(String expected, String csv) {
        ProblemException problem = assertThrows(ProblemException.class, () -> CSV.read(csv));
        assertEquals(422, problem.status());
        assertTrue(problem.getMessage().startsWith(expected), problem.getMessage());
    }

    /** An endless file of one-letter lines: the reading stops at the first line past the limit. */
    @Test
    void aFileIsReadOnlyUpToTheFirstLinePastTheLimit() {
        int[] read = { 0 };
        java.io.Reader endless = new java.io.Reader() {
            private final char[] header = "email,name,channel\n".toCharArray();

            @Override
            public int read(char[] buffer, int offset, int length) {
                for (int i = 0; i < length; i++, read[0]++) {
                    buffer[offset + i] = read[0] < header.length ? header[read[0]] : read[0] % 2 == 0 ? 'a' : '\n';
                }
                return length;
            }

            @Override
            public void close() {
            }
        };

        ProblemException problem = assertThrows(ProblemException.class, () -> CSV.read(endless));

        assertEquals(422, problem.status());
        assertTrue(read[0] < 64 * 1024, "read " + read[0] + " characters");
    }
}
