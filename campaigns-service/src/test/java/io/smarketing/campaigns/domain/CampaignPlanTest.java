package io.smarketing.campaigns.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.smarketing.chassis.problem.Problem;
import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.events.Channel;
import io.smarketing.events.Money;

class CampaignPlanTest {

    private static List<String> brokenFields(CampaignPlan plan, Money money) {
        ProblemException problem = assertThrows(ProblemException.class, () -> plan.validated(money));
        assertEquals(422, problem.status());
        return problem.toProblem(null).violations().stream().map(Problem.Violation::field).toList();
    }

    @Test
    void aCompletePlanPassesWithTrimmedText() {
        CampaignPlan plan = Plans.withText("  Spring webinar ", " Close the books in a day ", "   ");
        CampaignPlan checked = plan.validated(Plans.JPY);
        assertEquals("Spring webinar", checked.name());
        assertEquals("Close the books in a day", checked.keyMessage());
        assertNull(checked.audience(), "a blank audience is no audience");
    }

    @Test
    void aPlanWithoutASalesLiaisonIsRejected() {
        assertEquals(List.of("salesLiaison"), brokenFields(Plans.withOwners("mia", null), Plans.JPY));
    }

    @Test
    void aPlanWithoutAMarketingOwnerIsRejected() {
        assertEquals(List.of("marketingOwner"), brokenFields(Plans.withOwners("  ", "sam"), Plans.JPY));
    }

    @Test
    void aPlanWithNeitherOwnerNamesBothSides() {
        assertEquals(List.of("marketingOwner", "salesLiaison"), brokenFields(Plans.withOwners("", null), Plans.JPY));
    }

    @Test
    void anEndBeforeTheStartIsRejected() {
        assertEquals(List.of("endDate"), brokenFields(Plans.withDates(Plans.START, Plans.START.minusDays(1)), Plans.JPY));
    }

    @Test
    void aOneDayCampaignEndsOnItsStartDate() {
        Plans.withDates(Plans.START, Plans.START).validated(Plans.JPY);
    }

    @Test
    void missingDatesAreEachNamed() {
        assertEquals(List.of("startDate", "endDate"), brokenFields(Plans.withDates(null, null), Plans.JPY));
    }

    @Test
    void aNegativeBudgetIsRejected() {
        assertEquals(List.of("budget"), brokenFields(Plans.withBudget(new BigDecimal("-1")), Plans.JPY));
    }

    @Test
    void aZeroBudgetIsAllowedForCampaignsThatCostNothing() {
        assertEquals(0, Plans.withBudget(BigDecimal.ZERO).validated(Plans.JPY).budget().signum());
    }

    @ParameterizedTest
    @CsvSource({ "JPY, 1000.5", "USD, 10.001", "EUR, 0.005", "JPY, 1000000000000000" })
    void aBudgetTheCurrencyCannotHoldIsRejected(String currency, BigDecimal budget) {
        assertEquals(List.of("budget"), brokenFields(Plans.withBudget(budget), Money.of(currency)));
    }

    @ParameterizedTest
    @CsvSource({ "JPY, 1000.00, 1000", "USD, 10.5, 10.50", "EUR, 7, 7.00", "JPY, 999999999999999, 999999999999999" })
    void aBudgetIsKeptAtTheCurrencysScale(String currency, BigDecimal budget, String expected) {
        assertEquals(expected, Plans.withBudget(budget).validated(Money.of(currency)).budget().toPlainString());
    }

    @Test
    void aPlanWithoutNameKeyMessageOrChannelNamesEach() {
        CampaignPlan p = Plans.valid();
        CampaignPlan empty = new CampaignPlan(null, null, null, p.startDate(), p.endDate(), " ", null, null, "mia", "sam");
        assertEquals(List.of("name", "channel", "budget", "keyMessage"), brokenFields(empty, Plans.JPY));
    }

    @ParameterizedTest
    @ValueSource(ints = { CampaignPlan.MAX_NAME + 1, 5000 })
    void anOverlongNameIsRejected(int length) {
        assertEquals(List.of("name"), brokenFields(Plans.withText("x".repeat(length), "msg", null), Plans.JPY));
    }

    @Test
    void theGoalLinkIsOptional() {
        CampaignPlan p = Plans.valid();
        CampaignPlan unlinked = new CampaignPlan(p.name(), Channel.ADS, p.budget(), p.startDate(), p.endDate(),
                p.keyMessage(), null, null, "mia", "sam");
        assertNull(unlinked.validated(Plans.JPY).goalId());
    }
}
