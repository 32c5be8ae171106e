package io.smarketing.campaigns.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.smarketing.events.Channel;
import io.smarketing.testing.RequestValidation;

/** The rules of a campaign plan, checked by Bean Validation as the API checks them, without Quarkus. */
class CampaignRequestTest {

    private static final RequestValidation JPY = RequestValidation.inCurrency("JPY");
    private static final LocalDate START = LocalDate.of(2026, 4, 1);

    private static CampaignRequest plan(String name, Channel channel, BigDecimal budget, LocalDate start,
            LocalDate end, String keyMessage, String audience, String marketingOwner, String salesLiaison) {
        return new CampaignRequest(name, channel, budget, start, end, keyMessage, audience, UUID.randomUUID(),
                marketingOwner, salesLiaison, null);
    }

    private static CampaignRequest valid() {
        return plan("Spring webinar", Channel.EVENT, new BigDecimal("500000"), START, START.plusDays(30),
                "Close the books in a day", "CFOs of mid-size firms", "mia", "sam");
    }

    private static CampaignRequest withOwners(String marketingOwner, String salesLiaison) {
        CampaignRequest p = valid();
        return plan(p.name(), p.channel(), p.budget(), p.startDate(), p.endDate(), p.keyMessage(), p.audience(),
                marketingOwner, salesLiaison);
    }

    private static CampaignRequest withBudget(BigDecimal budget) {
        CampaignRequest p = valid();
        return plan(p.name(), p.channel(), budget, p.startDate(), p.endDate(), p.keyMessage(), p.audience(),
                p.marketingOwner(), p.salesLiaison());
    }

    private static CampaignRequest withDates(LocalDate start, LocalDate end) {
        CampaignRequest p = valid();
        return plan(p.name(), p.channel(), p.budget(), start, end, p.keyMessage(), p.audience(), p.marketingOwner(),
                p.salesLiaison());
    }

    private static CampaignRequest withText(String name, String keyMessage, String audience) {
        CampaignRequest p = valid();
        return plan(name, p.channel(), p.budget(), p.startDate(), p.endDate(), keyMessage, audience,
                p.marketingOwner(), p.salesLiaison());
    }

    @Test
    void aCompletePlanPassesWithTrimmedText() {
        CampaignRequest plan = withText("  Spring webinar ", " Close the books in a day ", "   ");
        assertEquals(List.of(), JPY.brokenFields(plan));
        assertEquals("Spring webinar", plan.name());
        assertEquals("Close the books in a day", plan.keyMessage());
        assertNull(plan.audience(), "a blank audience is no audience");
    }

    @Test
    void aPlanWithoutASalesLiaisonIsRejected() {
        assertEquals(List.of("salesLiaison"), JPY.brokenFields(withOwners("mia", null)));
    }

    @Test
    void aPlanWithoutAMarketingOwnerIsRejected() {
        assertEquals(List.of("marketingOwner"), JPY.brokenFields(withOwners("  ", "sam")));
    }

    @Test
    void aPlanWithNeitherOwnerNamesBothSides() {
        assertEquals(List.of("marketingOwner", "salesLiaison"), JPY.brokenFields(withOwners("", null)));
    }

    @Test
    void anEndBeforeTheStartIsRejectedOnTheEnd() {
        CampaignRequest backwards = withDates(START, START.minusDays(1));
        assertEquals(List.of("endDate"), JPY.brokenFields(backwards));
        assertEquals(List.of("must not be before startDate"), JPY.messages(backwards, "endDate"));
    }

    @Test
    void aOneDayCampaignEndsOnItsStartDate() {
        assertEquals(List.of(), JPY.brokenFields(withDates(START, START)));
    }

    @Test
    void missingDatesAreEachNamed() {
        assertEquals(List.of("endDate", "startDate"), JPY.brokenFields(withDates(null, null)));
    }

    @Test
    void aNegativeBudgetIsRejected() {
        assertEquals(List.of("budget"), JPY.brokenFields(withBudget(new BigDecimal("-1"))));
    }

    @Test
    void aZeroBudgetIsAllowedForCampaignsThatCostNothing() {
        assertEquals(List.of(), JPY.brokenFields(withBudget(BigDecimal.ZERO)));
    }

    @ParameterizedTest
    @CsvSource({ "JPY, 1000.5", "USD, 10.001", "EUR, 0.005", "JPY, 1000000000000000" })
    void aBudgetTheCurrencyCannotHoldIsRejected(String currency, BigDecimal budget) {
        assertEquals(List.of("budget"), RequestValidation.inCurrency(currency).brokenFields(withBudget(budget)));
    }

    @Test
    void aBudgetTheCurrencyCannotHoldSaysWhy() {
        assertEquals(List.of("must be a whole number of JPY"),
                JPY.messages(withBudget(new BigDecimal("100.5")), "budget"));
    }

    @Test
    void aPlanWithoutNameKeyMessageOrChannelNamesEach() {
        CampaignRequest empty = plan(null, null, null, START, START, " ", null, "mia", "sam");
        assertEquals(List.of("budget", "channel", "keyMessage", "name"), JPY.brokenFields(empty));
    }

    @ParameterizedTest
    @ValueSource(ints = { CampaignRequest.MAX_NAME + 1, 5000 })
    void anOverlongNameIsRejected(int length) {
        assertEquals(List.of("name"), JPY.brokenFields(withText("x".repeat(length), "msg", null)));
    }

    @Test
    void theGoalLinkIsOptional() {
        CampaignRequest p = valid();
        CampaignRequest unlinked = new CampaignRequest(p.name(), Channel.ADS, p.budget(), p.startDate(), p.endDate(),
                p.keyMessage(), null, null, "mia", "sam", null);
        assertEquals(List.of(), JPY.brokenFields(unlinked));
        assertNull(unlinked.toPlan().goalId());
    }
}
