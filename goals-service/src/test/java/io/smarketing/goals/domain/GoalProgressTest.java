package io.smarketing.goals.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.smarketing.events.GoalMetric;
import io.smarketing.events.GoalStatus;

class GoalProgressTest {

    // A 10-day period: 2026-11-01 00:00Z to 2026-11-11 00:00Z.
    private static final LocalDate START = LocalDate.parse("2026-11-01");
    private static final LocalDate END = LocalDate.parse("2026-11-10");
    private static final BigDecimal TARGET = new BigDecimal("1000");

    private static GoalProgress revenue(String actual, String now) {
        return GoalProgress.of(GoalMetric.REVENUE, TARGET, START, END, new BigDecimal(actual), Instant.parse(now));
    }

    @Test
    void beforeThePeriodNothingIsExpectedAndThereIsNoForecast() {
        GoalProgress progress = revenue("0", "2026-10-30T00:00:00Z");
        assertEquals(new BigDecimal("0.00"), progress.expectedByNow());
        assertNull(progress.forecast());
        assertEquals(GoalStatus.ON_TRACK, progress.status());
    }

    @Test
    void halfwayTheRunRateDoublesWhatWasDone() {
        GoalProgress progress = revenue("600", "2026-11-06T00:00:00Z");
        assertEquals(new BigDecimal("500.00"), progress.expectedByNow());
        assertEquals(new BigDecimal("1200.00"), progress.forecast());
        assertEquals(new BigDecimal("60.0"), progress.percent());
        assertEquals(GoalStatus.ON_TRACK, progress.status());
    }

    @Test
    void aRunRateShortOfTheTargetIsAtRisk() {
        GoalProgress progress = revenue("300", "2026-11-06T00:00:00Z");
        assertEquals(new BigDecimal("600.00"), progress.forecast());
        assertEquals(GoalStatus.AT_RISK, progress.status());
    }

    @Test
    void aTargetMetEarlyIsAchievedBeforeThePeriodEnds() {
        assertEquals(GoalStatus.ACHIEVED, revenue("1000", "2026-11-03T00:00:00Z").status());
    }

    @Test
    void theLastDayCountsWhole() {
        GoalProgress progress = revenue("900", "2026-11-10T23:00:00Z");
        assertEquals(GoalStatus.AT_RISK, progress.status());
    }

    @Test
    void atTheEndAShortfallIsMissed() {
        GoalProgress progress = revenue("999", "2026-11-11T00:00:00Z");
        assertEquals(new BigDecimal("1000.00"), progress.expectedByNow());
        assertEquals(new BigDecimal("999.00"), progress.forecast());
        assertEquals(GoalStatus.MISSED, progress.status());
    }

    @Test
    void aLevelMetricExpectsTheTargetAllAlongAndForecastsTheCurrentLevel() {
        GoalProgress low = GoalProgress.of(GoalMetric.CSAT, new BigDecimal("4"), START, END, new BigDecimal("3.5"),
                Instant.parse("2026-11-02T00:00:00Z"));
        assertEquals(new BigDecimal("4"), low.expectedByNow());
        assertEquals(new BigDecimal("3.5"), low.forecast());
        assertEquals(GoalStatus.AT_RISK, low.status());
        GoalProgress met = GoalProgress.of(GoalMetric.SLA_COMPLIANCE, new BigDecimal("90"), START, END,
                new BigDecimal("95"), Instant.parse("2026-11-02T00:00:00Z"));
        assertEquals(GoalStatus.ON_TRACK, met.status());
    }

    @Test
    void aLevelMetricWithoutDataIsNotAtRiskYetButMissedAtTheEnd() {
        assertEquals(GoalStatus.ON_TRACK, GoalProgress.of(GoalMetric.LEAD_QUALITY, new BigDecimal("4"), START, END,
                null, Instant.parse("2026-11-05T00:00:00Z")).status());
        assertEquals(GoalStatus.MISSED, GoalProgress.of(GoalMetric.LEAD_QUALITY, new BigDecimal("4"), START, END,
                null, Instant.parse("2026-11-12T00:00:00Z")).status());
    }

    @Test
    void aLevelMetricAtTargetAtTheEndIsAchieved() {
        assertEquals(GoalStatus.ACHIEVED, GoalProgress.of(GoalMetric.CSAT, new BigDecimal("4"), START, END,
                new BigDecimal("4.00"), Instant.parse("2026-11-12T00:00:00Z")).status());
    }
}
