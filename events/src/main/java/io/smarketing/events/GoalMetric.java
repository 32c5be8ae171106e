package io.smarketing.events;

/** What a shared goal measures. */
public enum GoalMetric {
    REVENUE, LEADS, MQLS, SQLS, DEALS_WON, SLA_COMPLIANCE, LEAD_QUALITY, CSAT
}
