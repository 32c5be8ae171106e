package io.smarketing.goals.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;

import io.smarketing.events.GoalMetric;
import io.smarketing.events.GoalStatus;

/**
 * Where a goal stands: {@code actual} against {@code target}, what a straight line through the period
 * expects by now, where the run rate ends the period, and the status that follows.
 *
 * <p>Counting metrics (revenue, leads, MQLs, SQLs, deals) accumulate over the period: expected-by-now is
 * linear, the forecast extrapolates the run rate. Level metrics (SLA compliance, lead quality, CSAT) are
 * averages: expected-by-now is the target itself and the forecast is the current level.
 */
public record GoalProgress(BigDecimal actual, BigDecimal target, BigDecimal percent, BigDecimal expectedByNow,
        BigDecimal forecast, GoalStatus status) {

    private static final Set<GoalMetric> LEVELS = EnumSet.of(GoalMetric.SLA_COMPLIANCE, GoalMetric.LEAD_QUALITY,
            GoalMetric.CSAT);

    public static boolean isLevel(GoalMetric metric) {
        return LEVELS.contains(metric);
    }

    /** The instant a period starts: its first day at 00:00 UTC. */
    public static Instant startOf(LocalDate periodStart) {
        return periodStart.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The instant a period ends: the day after its last day at 00:00 UTC (the last day counts whole). */
    public static Instant endOf(LocalDate periodEnd) {
        return periodEnd.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * @param actual the metric over the period so far; null for a level metric with no data yet
     */
    public static GoalProgress of(GoalMetric metric, BigDecimal target, LocalDate periodStart, LocalDate periodEnd,
            BigDecimal actual, Instant now) {
        Instant start = startOf(periodStart);
        Instant end = endOf(periodEnd);
        double elapsed = elapsedFraction(start, end, now);
        boolean ended = !now.isBefore(end);
        // a target of 0 cannot be set any more, but one stored before that rule has no percentage
        BigDecimal percent = actual == null || target.signum() == 0 ? null
                : actual.multiply(BigDecimal.valueOf(100)).divide(target, 1, RoundingMode.HALF_UP);

        if (isLevel(metric)) {
            GoalStatus status;
            if (ended) {
                status = actual != null && actual.compareTo(target) >= 0 ? GoalStatus.ACHIEVED : GoalStatus.MISSED;
            } else {
                status = actual == null || actual.compareTo(target) >= 0 ? GoalStatus.ON_TRACK : GoalStatus.AT_RISK;
            }
            return new GoalProgress(actual, target, percent, target, actual, status);
        }

        BigDecimal expected = scale(target.multiply(BigDecimal.valueOf(elapsed)));
        BigDecimal forecast = elapsed == 0 ? null : scale(actual.divide(BigDecimal.valueOf(elapsed), 6, RoundingMode.HALF_UP));
        GoalStatus status;
        if (actual.compareTo(target) >= 0) {
            status = GoalStatus.ACHIEVED;
        } else if (ended) {
            status = GoalStatus.MISSED;
        } else if (forecast == null || forecast.compareTo(target) >= 0) {
            status = GoalStatus.ON_TRACK;
        } else {
            status = GoalStatus.AT_RISK;
        }
        return new GoalProgress(actual, target, percent, expected, forecast, status);
    }

    /** How much of the period has passed, from 0 (not started) to 1 (over). */
    static double elapsedFraction(Instant start, Instant end, Instant now) {
        if (!now.isAfter(start)) {
            return 0;
        }
        if (!now.isBefore(end)) {
            return 1;
        }
        return (double) Duration.between(start, now).toMillis() / Duration.between(start, end).toMillis();
    }

    private static BigDecimal scale(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
