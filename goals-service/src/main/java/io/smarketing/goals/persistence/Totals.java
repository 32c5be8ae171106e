package io.smarketing.goals.persistence;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/** Sums of the measures over some days and campaigns; a measure never added is zero. */
final class Totals {

    private final Map<Measure, BigDecimal> values = new EnumMap<>(Measure.class);

    void add(Measure measure, BigDecimal value) {
        if (value != null) {
            values.merge(measure, value, BigDecimal::add);
        }
    }

    void add(Totals other) {
        other.values.forEach(this::add);
    }

    void subtract(Totals other) {
        other.values.forEach((measure, value) -> add(measure, value.negate()));
    }

    BigDecimal get(Measure measure) {
        return values.getOrDefault(measure, BigDecimal.ZERO);
    }

    long count(Measure measure) {
        return get(measure).longValueExact();
    }

    boolean isZero() {
        return values.values().stream().allMatch(value -> value.signum() == 0);
    }
}
