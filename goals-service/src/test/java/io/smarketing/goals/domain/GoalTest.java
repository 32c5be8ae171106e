package io.smarketing.goals.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.smarketing.events.GoalAchieved;
import io.smarketing.events.GoalAtRisk;
import io.smarketing.events.GoalMetric;
import io.smarketing.events.GoalSet;
import io.smarketing.events.GoalStatus;

class GoalTest {

    private static final Instant NOW = Instant.parse("2026-11-15T00:00:00Z");

    private static Goal goal() {
        Goal.Change set = Goal.set(new Goal.Definition("Q4 revenue", GoalMetric.REVENUE, new BigDecimal("100"),
                LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"), List.of("sam"), List.of("mia"), null),
                "erin", NOW);
        assertInstanceOf(GoalSet.class, set.event());
        return set.goal();
    }

    private static GoalProgress progress(GoalStatus status) {
        return new GoalProgress(BigDecimal.TEN, new BigDecimal("100"), BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN,
                status);
    }

    @Test
    void achievedAndAtRiskAreAnnouncedAndTheOtherStatusesAreNot() {
        Goal goal = goal();
        assertInstanceOf(GoalAtRisk.class, goal.announcement(progress(GoalStatus.AT_RISK), NOW).orElseThrow());
        assertInstanceOf(GoalAchieved.class, goal.announcement(progress(GoalStatus.ACHIEVED), NOW).orElseThrow());
        assertTrue(goal.announcement(progress(GoalStatus.ON_TRACK), NOW).isEmpty(), "on track is not announced");
        assertTrue(goal.announcement(progress(GoalStatus.MISSED), NOW).isEmpty(), "missed is not announced");
    }

    @Test
    void targetsKeepTwoDecimals() {
        assertEquals(new BigDecimal("100.00"), goal().target());
    }
}
