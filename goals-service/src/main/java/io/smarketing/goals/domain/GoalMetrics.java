package io.smarketing.goals.domain;

import java.math.BigDecimal;

import io.smarketing.events.GoalMetric;

/** Which measured number a goal's metric reads. */
public final class GoalMetrics {

    private GoalMetrics() {
    }

    /** The metric's value; null for an average with nothing measured yet. */
    public static BigDecimal actual(GoalMetric metric, ViewNumbers numbers) {
        return switch (metric) {
            case REVENUE -> numbers.revenue();
            case LEADS -> BigDecimal.valueOf(numbers.funnel().leads());
            case MQLS -> BigDecimal.valueOf(numbers.funnel().mqls());
            case SQLS -> BigDecimal.valueOf(numbers.funnel().sqls());
            case DEALS_WON -> BigDecimal.valueOf(numbers.funnel().won());
            case SLA_COMPLIANCE -> numbers.sla().complianceRate();
            case LEAD_QUALITY -> numbers.avgLeadQuality();
            case CSAT -> numbers.avgCsat();
        };
    }
}
