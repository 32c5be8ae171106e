package io.smarketing.campaigns.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.smarketing.events.Money;

class PerformanceTest {

    private static final Money JPY = Money.of("JPY");

    @Test
    void aCampaignWithLeadsSpendAndRevenueHasEveryNumber() {
        Performance p = Performance.of(new FunnelCounts(40, 20, 8, 2, 1, 3), new BigDecimal("1500000"),
                new BigDecimal("600000"), JPY);
        assertEquals(new BigDecimal("15000"), p.costPerLead());
        assertEquals(new BigDecimal("1.5000"), p.roi(), "(1 500 000 − 600 000) / 600 000");
        assertEquals(new BigDecimal("0.4000"), p.mqlToSqlRate());
        assertEquals(new BigDecimal("0.2500"), p.sqlToWonRate());
        assertEquals(new BigDecimal("1500000"), p.revenue());
        assertEquals(new BigDecimal("600000"), p.spend());
    }

    @Test
    void aCampaignThatLostMoneyHasANegativeRoi() {
        Performance p = Performance.of(new FunnelCounts(3, 0, 0, 0, 0, 0), new BigDecimal("100"), new BigDecimal("400"), JPY);
        assertEquals(new BigDecimal("-0.7500"), p.roi());
    }

    @Test
    void ratiosOverZeroAreNull() {
        Performance p = Performance.of(FunnelCounts.NONE, JPY.zero(), JPY.zero(), JPY);
        assertNull(p.costPerLead(), "no leads");
        assertNull(p.roi(), "no spend");
        assertNull(p.mqlToSqlRate(), "no MQLs");
        assertNull(p.sqlToWonRate(), "no SQLs");
    }

    @Test
    void ratesAreNullOnlyWhereTheirOwnDenominatorIsZero() {
        Performance p = Performance.of(new FunnelCounts(5, 4, 0, 0, 0, 4), JPY.zero(), new BigDecimal("1000"), JPY);
        assertEquals(new BigDecimal("0.0000"), p.mqlToSqlRate());
        assertNull(p.sqlToWonRate());
        assertEquals(new BigDecimal("-1.0000"), p.roi());
        assertEquals(new BigDecimal("200"), p.costPerLead());
    }

    @Test
    void costPerLeadIsRoundedToTheCurrency() {
        Performance p = Performance.of(new FunnelCounts(3, 0, 0, 0, 0, 0), JPY.zero(), new BigDecimal("1000"), JPY);
        assertEquals(new BigDecimal("333"), p.costPerLead());
        Money usd = Money.of("USD");
        assertEquals(new BigDecimal("333.33"),
                Performance.of(new FunnelCounts(3, 0, 0, 0, 0, 0), usd.zero(), new BigDecimal("1000"), usd).costPerLead());
    }
}
