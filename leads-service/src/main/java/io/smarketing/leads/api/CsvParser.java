package io.smarketing.leads.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 describes it: comma-separated fields, optionally in double quotes, {@code ""} for a
 * quote inside quotes, quoted fields may hold commas and line breaks, lines end in LF or CRLF. A leading
 * byte-order mark is ignored and blank lines are skipped. Each record keeps the file line it starts on, so
 * errors can point at it; a record that cannot be read whole carries an error instead of failing the file.
 */
public final class CsvParser {

    private static final char BOM = '\uFEFF';

    private CsvParser() {
    }

    /** One record: its first line in the file (1-based), its fields, and why it is malformed (or null). */
    public record Row(int line, List<String> fields, String error) {
    }

    public static List<Row> parse(String text) {
        return new Reader(text).rows();
    }

    private static final class Reader {

        private final String text;
        private final List<Row> rows = new ArrayList<>();
        private List<String> fields = new ArrayList<>();
        private final StringBuilder field = new StringBuilder();
        private boolean quoted;
        private boolean inQuotes;
        private boolean afterClosingQuote;
        private String error;
        private int line = 1;
        private int rowLine = 1;

        Reader(String text) {
            this.text = text;
        }

        List<Row> rows() {
            int i = !text.isEmpty() && text.charAt(0) == BOM ? 1 : 0;
            for (; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
                if (crlf) {
                    i++;
                }
                if (c == '\r' || c == '\n') {
                    newline();
                } else if (inQuotes) {
                    i = quotedChar(c, i);
                } else if (c == ',') {
                    endField();
                } else if (c == '"' && field.isEmpty() && !quoted) {
                    inQuotes = true;
                    quoted = true;
                } else {
                    if (afterClosingQuote && error == null) {
                        error = "text after the closing quote of field " + (fields.size() + 1);
                    }
                    field.append(c);
                }
            }
            if (inQuotes) {
                error = "a quoted field is not closed";
            }
            if (!fields.isEmpty() || quoted || !field.toString().isBlank()) {
                endRow();
            }
            return rows;
        }

        /** Inside quotes: {@code ""} is a quote, a single quote closes the field; returns the index read up to. */
        private int quotedChar(char c, int i) {
            if (c != '"') {
                field.append(c);
                return i;
            }
            if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                field.append('"');
                return i + 1;
            }
            inQuotes = false;
            afterClosingQuote = true;
            return i;
        }

        private void newline() {
            line++;
            if (inQuotes) {
                field.append('\n');
                return;
            }
            boolean blank = fields.isEmpty() && !quoted && field.toString().isBlank();
            if (blank) {
                field.setLength(0);
                rowLine = line;
                return;
            }
            endRow();
        }

        private void endField() {
            fields.add(field.toString());
            field.setLength(0);
            quoted = false;
            afterClosingQuote = false;
        }

        private void endRow() {
            endField();
            rows.add(new Row(rowLine, List.copyOf(fields), error));
            fields = new ArrayList<>();
            error = null;
            rowLine = line;
        }
    }
}
