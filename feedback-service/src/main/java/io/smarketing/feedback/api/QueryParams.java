package io.smarketing.feedback.api;

import java.util.Arrays;
import java.util.UUID;

import io.smarketing.chassis.problem.ProblemException;

/**
 * Optional query filters parsed by hand: JAX-RS answers a query parameter it cannot convert with 404, but a
 * malformed filter is a client's rule violation (422) on a resource that exists.
 */
final class QueryParams {

    private QueryParams() {
    }

    static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable(name, "must be a UUID");
        }
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().equalsIgnoreCase(value.strip()))
                .findFirst()
                .orElseThrow(() -> ProblemException.unprocessable(name,
                        "must be one of " + Arrays.toString(type.getEnumConstants())));
    }
}
