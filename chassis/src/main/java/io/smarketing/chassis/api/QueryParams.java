package io.smarketing.chassis.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import io.smarketing.chassis.problem.ProblemException;

/**
 * Optional query parameters, parsed by hand in every service: JAX-RS answers a parameter it cannot convert
 * with 404, but a malformed filter is a client's rule violation (422) on a resource that exists. Absent or
 * blank means "no filter" (null, or the given default).
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static UUID uuid(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            String text = value.strip();
            UUID uuid = UUID.fromString(text);
            // UUID.fromString takes "1-1-1-1-1"; only the canonical form is an id
            if (!uuid.toString().equalsIgnoreCase(text)) {
                throw new IllegalArgumentException(text);
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable(name, "must be a UUID");
        }
    }

    /** Free text as typed, without the spaces around it; text PostgreSQL cannot store is a 422. */
    public static String text(String name, String value) {
        if (!StorableText.isStorable(value)) {
            throw ProblemException.unprocessable(name, StorableText.MESSAGE);
        }
        return blank(value) ? null : value.strip();
    }

    /** One of an enum's constants, case-insensitive; a 422 lists the choices. */
    public static <E extends Enum<E>> E choice(String name, String value, Class<E> choices, E absent) {
        if (blank(value)) {
            return absent;
        }
        return Arrays.stream(choices.getEnumConstants())
                .filter(constant -> constant.name().equalsIgnoreCase(value.strip()))
                .findFirst()
                .orElseThrow(() -> ProblemException.unprocessable(name, "must be one of "
                        + Arrays.stream(choices.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList()));
    }

    /**
     * An ISO-8601 instant ({@code 2026-11-01T00:00:00Z}) or date ({@code 2026-11-01}: its start, or with
     * {@code endOfDay} the start of the next day, so that a date counts whole), within {@link DateRange}.
     */
    public static Instant instantOrDate(String name, String value, boolean endOfDay) {
        if (blank(value)) {
            return null;
        }
        String text = value.strip();
        try {
            return DateRange.check(name, Instant.parse(text));
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate date = DateRange.check(name, LocalDate.parse(text));
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw ProblemException.unprocessable(name,
                        "must be an ISO-8601 instant (2026-11-01T00:00:00Z) or date (2026-11-01)");
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
