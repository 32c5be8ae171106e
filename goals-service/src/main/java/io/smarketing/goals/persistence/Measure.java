package io.smarketing.goals.persistence;

import java.util.Locale;

/**
 * The numbers the rollups keep per day and campaign: each is a measure of the {@code fact_contribution} view
 * and a column of {@code view_rollup}, under the same name.
 */
enum Measure {
    LEADS, MQLS, SQLS, WON, LOST, REJECTED, REVENUE, SLA_ASSIGNED, SLA_MET, SLA_BREACHED, CONFLICTS, QUALITY_SUM,
    QUALITY_COUNT, CSAT_SUM, CSAT_COUNT, SPEND, HANDOFFS;

    /** The measure's name in the contribution views, and its column in the rollup. */
    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Measure of(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }
}
