package io.smarketing.leads.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import io.smarketing.events.ActivityKind;

/**
 * Engagement scoring: each kind of prospect activity is worth some points, and points lose half their worth
 * every {@code halfLife}. A lead keeps one number, its engagement as of one instant; the engagement at any
 * later instant is that number decayed, so reading a score costs nothing however much activity there was.
 */
public record EngagementRules(Map<ActivityKind, Integer> points, Duration halfLife) {

    public EngagementRules {
        points = Map.copyOf(new EnumMap<>(points));
        if (halfLife.isZero() || halfLife.isNegative()) {
            throw new IllegalArgumentException("leads.engagement.half-life must be positive, was " + halfLife);
        }
        points.values().forEach(value -> {
            if (value < 0) {
                throw new IllegalArgumentException("engagement points must not be negative, was " + value);
            }
        });
    }

    public int pointsOf(ActivityKind kind) {
        return points.getOrDefault(kind, 0);
    }

    /** {@code value} as of {@code from}, decayed to {@code to}; an earlier {@code to} leaves it as it is. */
    public double decayed(double value, Instant from, Instant to) {
        if (value == 0 || from == null || !to.isAfter(from)) {
            return value;
        }
        double halfLives = (double) Duration.between(from, to).toMillis() / halfLife.toMillis();
        return value * Math.pow(0.5, halfLives);
    }
}
