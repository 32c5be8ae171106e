package io.smarketing.leads.api;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 describes it: comma-separated fields, optionally in double quotes, {@code ""} for a
 * quote inside quotes, quoted fields may hold commas and line breaks, lines end in LF or CRLF. A leading
 * byte-order mark is ignored and blank lines are skipped. Each record keeps the file line it starts on, so
 * errors can point at it; a record that cannot be read whole carries an error instead of failing the file.
 *
 * <p>It reads a stream one record at a time, so the caller decides how many records it wants and the rest of
 * the input is never read; and it keeps at most {@code maxFields} fields of {@code maxFieldLength} characters
 * per record (a longer record carries an error), so no input, however odd, makes a record grow without bound.
 */
public final class CsvParser {

    private static final char BOM = '\uFEFF';
    private static final int END = -1;

    /** One record: its first line in the file (1-based), its fields, and why it is malformed (or null). */
    public record Row(int line, List<String> fields, String error) {
    }

    private final PushbackReader in;
    private final int maxFields;
    private final int maxFieldLength;
    private List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private boolean quoted;
    private boolean inQuotes;
    private boolean afterClosingQuote;
    private String error;
    private int line = 1;
    private int rowLine = 1;
    private boolean started;
    private boolean ended;

    public CsvParser(Reader in, int maxFields, int maxFieldLength) {
        this.in = new PushbackReader(in, 1);
        this.maxFields = maxFields;
        this.maxFieldLength = maxFieldLength;
    }

    /** Every record of a text, with generous limits: for tests and small inputs. */
    public static List<Row> parse(String text) {
        CsvParser parser = new CsvParser(new StringReader(text), 1_000, 100_000);
        List<Row> rows = new ArrayList<>();
        for (Row row = parser.next(); row != null; row = parser.next()) {
            rows.add(row);
        }
        return rows;
    }

    /** The next record, or null at the end of the input. */
    public Row next() {
        if (ended) {
            return null;
        }
        if (!started) {
            started = true;
            int first = read();
            if (first != BOM && first != END) {
                unread(first);
            }
        }
        for (int c = read(); c != END; c = read()) {
            if (c == '\r' || c == '\n') {
                if (c == '\r') {
                    skipIf('\n');
                }
                Row row = newline();
                if (row != null) {
                    return row;
                }
            } else if (inQuotes) {
                quotedChar((char) c);
            } else if (c == ',') {
                endField();
            } else if (c == '"' && field.isEmpty() && !quoted) {
                inQuotes = true;
                quoted = true;
            } else {
                if (afterClosingQuote && error == null) {
                    error = "text after the closing quote of field " + (fields.size() + 1);
                }
                append((char) c);
            }
        }
        ended = true;
        if (inQuotes) {
            error = "a quoted field is not closed";
        }
        return !fields.isEmpty() || quoted || !field.toString().isBlank() ? endRow() : null;
    }

    /** Inside quotes: {@code ""} is a quote, a single quote closes the field. */
    private void quotedChar(char c) {
        if (c != '"') {
            append(c);
        } else if (skipIf('"')) {
            append('"');
        } else {
            inQuotes = false;
            afterClosingQuote = true;
        }
    }

    /** The row that the line break ends, or null when it ends a blank line or a quoted field goes on. */
    private Row newline() {
        line++;
        if (inQuotes) {
            append('\n');
            return null;
        }
        boolean blank = fields.isEmpty() && !quoted && field.toString().isBlank();
        if (blank) {
            field.setLength(0);
            rowLine = line;
            return null;
        }
        return endRow();
    }

    private void append(char c) {
        if (field.length() < maxFieldLength) {
            field.append(c);
        } else if (error == null) {
            error = "field " + (fields.size() + 1) + " is longer than " + maxFieldLength + " characters";
        }
    }

    private void endField() {
        if (fields.size() < maxFields) {
            fields.add(field.toString());
        } else if (error == null) {
            error = "more than " + maxFields + " fields";
        }
        field.setLength(0);
        quoted = false;
        afterClosingQuote = false;
    }

    private Row endRow() {
        endField();
        Row row = new Row(rowLine, List.copyOf(fields), error);
        fields = new ArrayList<>();
        error = null;
        rowLine = line;
        return row;
    }

    private boolean skipIf(char expected) {
        int c = read();
        if (c == expected) {
            return true;
        }
        if (c != END) {
            unread(c);
        }
        return false;
    }

    private int read() {
        try {
            return in.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void unread(int c) {
        try {
            in.unread(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
