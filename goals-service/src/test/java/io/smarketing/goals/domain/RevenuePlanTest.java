package io.smarketing.goals.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class RevenuePlanTest {

    private static final LocalDate END = LocalDate.parse("2026-11-28");
    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z"); // 28 days = 4 weeks left

    @Test
    void theReverseFunnelWorksBackFromTheMissingRevenue() {
        // 10 deals won for 1,000,000: 100,000 each; 10 of 40 SQLs won; 40 of 100 MQLs became SQLs.
        RevenuePlan plan = RevenuePlan.of(new BigDecimal("1500000"), new BigDecimal("300000"),
                new RevenuePlan.History(new BigDecimal("1000000"), 10, 40, 100), END, NOW);

        assertEquals(new BigDecimal("1200000"), plan.remaining());
        assertEquals(new BigDecimal("100000.0000"), plan.averageDealSize());
        assertEquals(new BigDecimal("0.2500"), plan.sqlToWonRate());
        assertEquals(new BigDecimal("0.4000"), plan.mqlToSqlRate());
        assertEquals(4, plan.weeksRemaining());
        assertEquals(new RevenuePlan.Needed(12L, 48L, 120L), plan.total());
        assertEquals(new RevenuePlan.Needed(3L, 12L, 30L), plan.perWeek());
        assertTrue(plan.enoughHistory());
    }

    @Test
    void partialNeedsRoundUpToWholeDealsAndLeads() {
        RevenuePlan plan = RevenuePlan.of(new BigDecimal("250"), BigDecimal.ZERO,
                new RevenuePlan.History(new BigDecimal("300"), 3, 9, 10), END, NOW);
        // 250 / 100 = 2.5 → 3 deals; 3 / (3/9) = 9 SQLs; 9 / 0.9 = 10 MQLs; per week over 4: 1, 3, 3.
        assertEquals(new RevenuePlan.Needed(3L, 9L, 10L), plan.total());
        assertEquals(new RevenuePlan.Needed(1L, 3L, 3L), plan.perWeek());
    }

    @Test
    void withoutWonDealsThePlanSaysWhatHistoryIsMissingInsteadOfDividingByZero() {
        RevenuePlan plan = RevenuePlan.of(new BigDecimal("1000"), BigDecimal.ZERO,
                new RevenuePlan.History(BigDecimal.ZERO, 0, 5, 0), END, NOW);
        assertFalse(plan.enoughHistory());
        assertEquals(List.of("averageDealSize", "sqlToWonRate", "mqlToSqlRate"), plan.missingHistory());
        assertNull(plan.total().deals());
        assertNull(plan.perWeek().mqls());
    }

    @Test
    void aTargetAlreadyMetNeedsNothingMore() {
        RevenuePlan plan = RevenuePlan.of(new BigDecimal("1000"), new BigDecimal("1200"),
                new RevenuePlan.History(new BigDecimal("1200"), 2, 4, 8), END, NOW);
        assertEquals(BigDecimal.ZERO, plan.remaining());
        assertEquals(new RevenuePlan.Needed(0L, 0L, 0L), plan.total());
    }

    @Test
    void afterThePeriodThereAreNoWeeksLeftToSpreadOver() {
        RevenuePlan plan = RevenuePlan.of(new BigDecimal("1000"), BigDecimal.ZERO,
                new RevenuePlan.History(new BigDecimal("100"), 1, 2, 4), END, Instant.parse("2026-12-01T00:00:00Z"));
        assertEquals(0, plan.weeksRemaining());
        assertNull(plan.perWeek().deals());
    }

    @Test
    void aStartedWeekCountsAsAWeek() {
        assertEquals(1, RevenuePlan.weeksRemaining(END, Instant.parse("2026-11-28T12:00:00Z")));
        assertEquals(2, RevenuePlan.weeksRemaining(END, Instant.parse("2026-11-20T00:00:00Z")));
    }
}
