package io.smarketing.goals.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.events.GoalMetric;

class GoalRulesTest {

    private static Goal.Definition goal(GoalMetric metric, String target, List<String> sales, List<String> marketing,
            String start, String end) {
        return new Goal.Definition("Q4", metric, new BigDecimal(target), LocalDate.parse(start), LocalDate.parse(end),
                sales, marketing, null);
    }

    private static String brokenField(Goal.Definition definition) {
        ProblemException problem = assertThrows(ProblemException.class, () -> GoalRules.check(definition));
        assertEquals(422, problem.status());
        return problem.toProblem(null).violations().get(0).field();
    }

    @Test
    void aGoalOwnedByBothTeamsIsValid() {
        assertDoesNotThrow(() -> GoalRules.check(
                goal(GoalMetric.REVENUE, "1000", List.of("sam"), List.of("mia"), "2026-10-01", "2026-12-31")));
    }

    @Test
    void aGoalWithoutASalesOwnerIsRejected() {
        assertEquals("salesOwners", brokenField(
                goal(GoalMetric.LEADS, "10", List.of(), List.of("mia"), "2026-10-01", "2026-12-31")));
        assertEquals("salesOwners", brokenField(
                goal(GoalMetric.LEADS, "10", null, List.of("mia"), "2026-10-01", "2026-12-31")));
    }

    @Test
    void aGoalWithOnlyBlankMarketingOwnersIsRejected() {
        assertEquals("marketingOwners", brokenField(
                goal(GoalMetric.LEADS, "10", List.of("sam"), List.of(" "), "2026-10-01", "2026-12-31")));
    }

    @Test
    void aZeroTargetIsRejected() {
        assertEquals("target", brokenField(
                goal(GoalMetric.REVENUE, "0", List.of("sam"), List.of("mia"), "2026-10-01", "2026-12-31")));
    }

    @Test
    void aTargetThatRoundsToZeroIsRejected() {
        for (String target : new String[] { "0.004", "0.0049999", "1E-300000000" }) {
            assertEquals("target", brokenField(
                    goal(GoalMetric.LEADS, target, List.of("sam"), List.of("mia"), "2026-10-01", "2026-12-31")),
                    target);
        }
        assertEquals(new BigDecimal("0.01"), GoalRules.roundedTarget(new BigDecimal("0.005")));
    }

    @Test
    void aTargetBeyondTheMoneyLimitIsRejectedWithoutBeingExpanded() {
        for (String target : new String[] { "1E+15", "100000000000000000", "1E+300000000" }) {
            assertEquals("target", assertTimeoutPreemptively(java.time.Duration.ofSeconds(1), () -> brokenField(
                    goal(GoalMetric.REVENUE, target, List.of("sam"), List.of("mia"), "2026-10-01", "2026-12-31"))),
                    target);
        }
        assertEquals(new BigDecimal("999999999999999.99"),
                GoalRules.roundedTarget(new BigDecimal("999999999999999.99")));
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRejected() {
        assertEquals("periodEnd", brokenField(
                goal(GoalMetric.REVENUE, "10", List.of("sam"), List.of("mia"), "2026-10-01", "2026-09-30")));
    }

    @Test
    void levelTargetsStayOnTheirScale() {
        assertEquals("target", brokenField(
                goal(GoalMetric.CSAT, "6", List.of("sam"), List.of("mia"), "2026-10-01", "2026-12-31")));
        assertEquals("target", brokenField(
                goal(GoalMetric.SLA_COMPLIANCE, "101", List.of("sam"), List.of("mia"), "2026-10-01", "2026-12-31")));
    }
}
