package io.smarketing.leads.api;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.events.Channel;
import io.smarketing.leads.config.LeadsConfig;
import io.smarketing.leads.service.LeadImport;

/**
 * Turns an uploaded CSV file into import lines. The header row names the columns (any order, case and
 * punctuation ignored: {@code campaign_id} is {@code campaignId}); each data line must have as many fields
 * and passes the same validation as a {@code POST /api/leads} body. A problem with the file as a whole
 * (no header, unknown or missing columns, too many lines) is a 422; a problem with a line rejects that line.
 */
@ApplicationScoped
public class LeadCsv {

    static final List<String> COLUMNS = List.of("email", "name", "company", "title", "phone", "campaignId", "channel");
    private static final String UUID_SYNTAX = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    static final List<String> REQUIRED = List.of("email", "name", "channel");
    /** Far more than a row of {@link #COLUMNS} has; a longer row is rejected without being kept whole. */
    static final int MAX_FIELDS = 32;
    /** Longer than any valid field (an e-mail address has at most 254 characters). */
    static final int MAX_FIELD_LENGTH = 1_000;

    private final Validator validator;
    private final int maxLines;

    @Inject
    LeadCsv(Validator validator, LeadsConfig config) {
        this(validator, config.importMaxLines());
    }

    LeadCsv(Validator validator, int maxLines) {
        this.validator = validator;
        this.maxLines = maxLines;
    }

    public List<LeadImport.Line> read(String body) {
        return read(new StringReader(body == null ? "" : body));
    }

    /**
     * Reads the file as a stream, a record at a time: the first data line past the limit stops the reading
     * (422), so a file of a million lines costs no more than one of {@code maxLines + 1}.
     */
    public List<LeadImport.Line> read(Reader body) {
        CsvParser parser = new CsvParser(body, MAX_FIELDS, MAX_FIELD_LENGTH);
        CsvParser.Row header = parser.next();
        if (header == null) {
            throw ProblemException.unprocessable("header", "the file is empty: its first line must name the columns "
                    + COLUMNS);
        }
        Map<String, Integer> columns = columns(header);
        List<LeadImport.Line> lines = new ArrayList<>();
        for (CsvParser.Row row = parser.next(); row != null; row = parser.next()) {
            if (lines.size() == maxLines) {
                throw ProblemException.unprocessable("body", "the file has more than " + maxLines
                        + " data lines; at most " + maxLines + " per import");
            }
            lines.add(line(row, columns));
        }
        return lines;
    }

    /** Column name → position, from the header row. */
    private static Map<String, Integer> columns(CsvParser.Row header) {
        if (header.error() != null) {
            throw ProblemException.unprocessable("header", "line " + header.line() + ": " + header.error());
        }
        Map<String, String> known = new HashMap<>();
        COLUMNS.forEach(column -> known.put(normalize(column), column));
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String column = known.get(normalize(header.fields().get(i)));
            if (column == null) {
                throw ProblemException.unprocessable("header", "unknown column '" + header.fields().get(i).trim()
                        + "'; the columns are " + COLUMNS);
            }
            if (columns.putIfAbsent(column, i) != null) {
                throw ProblemException.unprocessable("header", "column '" + column + "' appears twice");
            }
        }
        List<String> missing = REQUIRED.stream().filter(column -> !columns.containsKey(column)).toList();
        if (!missing.isEmpty()) {
            throw ProblemException.unprocessable("header", "required column(s) missing: " + missing);
        }
        return columns;
    }

    private LeadImport.Line line(CsvParser.Row row, Map<String, Integer> columns) {
        if (row.error() != null) {
            return LeadImport.Line.invalid(row.line(), row.error());
        }
        if (row.fields().size() != columns.size()) {
            return LeadImport.Line.invalid(row.line(), "expected " + columns.size() + " columns, found "
                    + row.fields().size());
        }
        List<String> errors = new ArrayList<>();
        Channel channel = channel(value(row, columns, "channel"), errors);
        UUID campaignId = campaignId(value(row, columns, "campaignId"), errors);
        var request = new LeadResource.CreateLeadRequest(value(row, columns, "email"), value(row, columns, "name"),
                value(row, columns, "company"), value(row, columns, "title"), value(row, columns, "phone"),
                campaignId, channel);
        validator.validate(request).stream()
                .map(LeadCsv::describe)
                .sorted()
                .forEach(errors::add);
        return errors.isEmpty() ? LeadImport.Line.valid(row.line(), request.toNewLead())
                : LeadImport.Line.invalid(row.line(), String.join("; ", errors));
    }

    private static String value(CsvParser.Row row, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        if (index == null) {
            return null;
        }
        String value = row.fields().get(index).trim();
        return value.isEmpty() ? null : value;
    }

    /** A channel the file misspells is reported as such, not as "must not be null". */
    private static Channel channel(String text, List<String> errors) {
        if (text == null) {
            return null;
        }
        try {
            return Channel.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("channel: must be one of " + Arrays.toString(Channel.values()));
            return Channel.OTHER; // a stand-in, so validation does not add "must not be null" to the same field
        }
    }

    private static UUID campaignId(String text, List<String> errors) {
        if (text == null) {
            return null;
        }
        if (!text.matches(UUID_SYNTAX)) {
            errors.add("campaignId: must be a UUID");
            return null;
        }
        return UUID.fromString(text);
    }

    private static String describe(ConstraintViolation<?> violation) {
        return violation.getPropertyPath() + ": " + violation.getMessage();
    }

    /** {@code Campaign ID}, {@code campaign_id} and {@code campaignId} all name the same column. */
    private static String normalize(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
