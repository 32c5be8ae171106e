package io.smarketing.leads.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

import org.eclipse.microprofile.config.spi.Converter;

import io.quarkus.runtime.configuration.DurationConverter;

/**
 * Reads {@code *-hours} settings: a plain number is hours ({@code 24}, {@code 0.5}); anything else is a
 * duration as Quarkus reads it ({@code PT3S}, {@code 3s}, {@code 90m}). A plain number would be seconds to
 * Quarkus' own converter, which is not what a key named "hours" promises.
 */
public class HoursOrDuration implements Converter<Duration> {

    private static final BigDecimal MILLIS_PER_HOUR = BigDecimal.valueOf(3_600_000);

    @Override
    public Duration convert(String value) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty()) {
            return null;
        }
        Duration duration;
        try {
            duration = text.matches("\\d+(\\.\\d+)?")
                    ? Duration.ofMillis(new BigDecimal(text).multiply(MILLIS_PER_HOUR)
                            .setScale(0, RoundingMode.HALF_UP).longValue())
                    : DurationConverter.parseDuration(text);
        } catch (RuntimeException e) {
            throw invalid(value);
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw invalid(value);
        }
        return duration;
    }

    private static IllegalArgumentException invalid(String value) {
        return new IllegalArgumentException(
                "Expected a positive number of hours or a duration such as PT3S or 90m, got '" + value + "'");
    }
}
