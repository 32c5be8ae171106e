package io.smarketing.campaigns.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.smarketing.events.Money;

/**
 * A campaign's closed-loop numbers. Ratios (ROI, conversion rates) are fractions with four decimals,
 * half-even; a ratio over zero (no spend, no leads, no MQLs, no SQLs) is null, not a division error.
 */
public record Performance(
        FunnelCounts funnel,
        BigDecimal revenue,
        BigDecimal spend,
        BigDecimal costPerLead,
        BigDecimal roi,
        BigDecimal mqlToSqlRate,
        BigDecimal sqlToWonRate) {

    static final int RATIO_SCALE = 4;

    /** ROI is (revenue − spend) / spend: 0.25 means a quarter more came back than went in. */
    public static Performance of(FunnelCounts funnel, BigDecimal revenue, BigDecimal spend, Money money) {
        BigDecimal roundedSpend = money.round(spend);
        BigDecimal costPerLead = funnel.leads() == 0 ? null
                : roundedSpend.divide(BigDecimal.valueOf(funnel.leads()), money.scale(), RoundingMode.HALF_EVEN);
        BigDecimal roi = roundedSpend.signum() == 0 ? null : ratio(revenue.subtract(roundedSpend), roundedSpend);
        return new Performance(funnel, money.round(revenue), roundedSpend, costPerLead, roi,
                rate(funnel.sqls(), funnel.mqls()), rate(funnel.won(), funnel.sqls()));
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : ratio(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }

    private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, RATIO_SCALE, RoundingMode.HALF_EVEN);
    }
}
