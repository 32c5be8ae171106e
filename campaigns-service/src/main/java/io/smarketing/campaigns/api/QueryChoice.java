package io.smarketing.campaigns.api;

import java.util.Arrays;
import java.util.Locale;

import io.smarketing.chassis.problem.ProblemException;

/**
 * An enum-valued query parameter, case-insensitive: absent means the default, an unknown value is a 422 that
 * lists the choices (JAX-RS would answer 404 for a query parameter it cannot convert).
 */
final class QueryChoice {

    private QueryChoice() {
    }

    static <E extends Enum<E>> E parse(String parameter, String value, Class<E> choices, E absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Enum.valueOf(choices, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable(parameter, "must be one of "
                    + Arrays.stream(choices.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
    }
}
