package io.smarketing.goals.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The reverse funnel of a revenue goal: from the revenue still missing and the rates observed so far, how
 * many deals, SQLs and MQLs the teams still need, in total and per remaining week. These are the numbers of
 * the sales–marketing SLA: the lead volume marketing commits to and the follow-up sales commits to.
 */
public record RevenuePlan(BigDecimal target, BigDecimal actual, BigDecimal remaining, BigDecimal averageDealSize,
        BigDecimal sqlToWonRate, BigDecimal mqlToSqlRate, long weeksRemaining, Needed total, Needed perWeek,
        boolean enoughHistory, List<String> missingHistory) {

    /** Deals, SQLs and MQLs; null where the history cannot tell. */
    public record Needed(Long deals, Long sqls, Long mqls) {
    }

    /** What has been observed: revenue and counts of won deals, leads that reached SQL and MQL. */
    public record History(BigDecimal revenue, long won, long sqls, long mqls) {
    }

    public static RevenuePlan of(BigDecimal target, BigDecimal actual, History history, LocalDate periodEnd,
            Instant now) {
        BigDecimal remaining = target.subtract(actual).max(BigDecimal.ZERO);
        long weeks = weeksRemaining(periodEnd, now);
        List<String> missing = new ArrayList<>();
        BigDecimal dealSize = ratio(history.revenue(), history.won(), "averageDealSize", missing);
        BigDecimal sqlToWon = ratio(BigDecimal.valueOf(history.won()), history.sqls(), "sqlToWonRate", missing);
        BigDecimal mqlToSql = ratio(BigDecimal.valueOf(history.sqls()), history.mqls(), "mqlToSqlRate", missing);

        // Work from the observed counts, not the rounded rates, so 3 of 9 is exactly a third.
        Long deals = missing.contains("averageDealSize") ? null
                : scaleUp(remaining, history.won(), history.revenue());
        Long sqls = deals == null || missing.contains("sqlToWonRate") ? null
                : scaleUp(BigDecimal.valueOf(deals), history.sqls(), BigDecimal.valueOf(history.won()));
        Long mqls = sqls == null || missing.contains("mqlToSqlRate") ? null
                : scaleUp(BigDecimal.valueOf(sqls), history.mqls(), BigDecimal.valueOf(history.sqls()));
        Needed total = new Needed(deals, sqls, mqls);
        Needed perWeek = new Needed(perWeek(deals, weeks), perWeek(sqls, weeks), perWeek(mqls, weeks));
        return new RevenuePlan(target, actual, remaining, dealSize, sqlToWon, mqlToSql, weeks, total, perWeek,
                missing.isEmpty(), List.copyOf(missing));
    }

    /** Whole weeks left, counting a started week; 0 once the period is over. */
    static long weeksRemaining(LocalDate periodEnd, Instant now) {
        long days = ChronoUnit.DAYS.between(now, GoalProgress.endOf(periodEnd));
        if (days < 0 || !now.isBefore(GoalProgress.endOf(periodEnd))) {
            return 0;
        }
        return Math.max(1, (days + 6) / 7);
    }

    /** An observed ratio; undefined (null) or zero ratios cannot plan anything, so they are named as missing. */
    private static BigDecimal ratio(BigDecimal numerator, long denominator, String name, List<String> missing) {
        BigDecimal ratio = denominator == 0 ? null
                : numerator.divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
        if (ratio == null || ratio.signum() == 0) {
            missing.add(name);
        }
        return ratio;
    }

    /** ⌈value × numerator / denominator⌉, exact. */
    private static long scaleUp(BigDecimal value, long numerator, BigDecimal denominator) {
        return value.multiply(BigDecimal.valueOf(numerator)).divide(denominator, 0, RoundingMode.CEILING)
                .longValueExact();
    }

    private static Long perWeek(Long total, long weeks) {
        if (total == null || weeks == 0) {
            return null;
        }
        return (total + weeks - 1) / weeks;
    }
}
