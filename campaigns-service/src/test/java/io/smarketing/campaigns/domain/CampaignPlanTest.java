package io.smarketing.campaigns.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.smarketing.events.Money;

/** The rules themselves are the API's (CampaignRequestTest); the domain keeps a plan at the currency's scale. */
class CampaignPlanTest {

    @ParameterizedTest
    @CsvSource({ "JPY, 1000.00, 1000", "USD, 10.5, 10.50", "EUR, 7, 7.00", "JPY, 999999999999999, 999999999999999" })
    void aBudgetIsKeptAtTheCurrencysScale(String currency, BigDecimal budget, String expected) {
        assertEquals(expected, Plans.withBudget(budget).atScaleOf(Money.of(currency)).budget().toPlainString());
    }
}
