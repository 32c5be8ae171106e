package io.smarketing.campaigns.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.events.CampaignCancelled;
import io.smarketing.events.CampaignLaunched;
import io.smarketing.events.CampaignPlanned;
import io.smarketing.events.CampaignSpendRecorded;
import io.smarketing.events.CampaignStatus;
import io.smarketing.events.CampaignUpdated;
import io.smarketing.events.Money;

class CampaignTest {

    private static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");

    private static Campaign draft() {
        return Campaign.plan(UUID.randomUUID(), Plans.valid(), Plans.JPY, "mia", NOW).campaign();
    }

    private static Campaign active() {
        Campaign campaign = draft();
        campaign.move(CampaignAction.LAUNCH, "mia", NOW);
        return campaign;
    }

    private static int status(ProblemException problem) {
        return problem.status();
    }

    @Test
    void planningMakesADraftAndAnnouncesThePlanInThePlatformCurrency() {
        UUID id = UUID.randomUUID();
        Campaign.Planned planned = Campaign.plan(id, Plans.valid(), Money.of("EUR"), "mia", NOW);
        CampaignPlanned event = planned.event();
        assertEquals(CampaignStatus.DRAFT, planned.campaign().status());
        assertEquals(id, event.campaignId());
        assertEquals("EUR", event.currency());
        assertEquals(new BigDecimal("500000.00"), event.budget());
        assertEquals("mia", event.marketingOwner());
        assertEquals("sam", event.salesLiaison());
        assertEquals("Close the books in a day", event.keyMessage());
        assertEquals("mia", event.by());
        assertEquals(0, planned.campaign().totalSpend().signum());
    }

    @Test
    void eachStatusChangeAnnouncesTheNewStatus() {
        Campaign campaign = draft();
        var launched = assertInstanceOf(CampaignLaunched.class, campaign.move(CampaignAction.LAUNCH, "mia", NOW));
        assertEquals(CampaignStatus.ACTIVE, launched.status());
        var cancelled = assertInstanceOf(CampaignCancelled.class, campaign.move(CampaignAction.CANCEL, "lee", NOW));
        assertEquals(CampaignStatus.CANCELLED, cancelled.status());
        assertEquals("lee", cancelled.by());
        assertEquals(CampaignStatus.CANCELLED, campaign.status());
    }

    @Test
    void aForbiddenStatusChangeLeavesTheCampaignAsItWas() {
        Campaign campaign = draft();
        assertEquals(409, status(assertThrows(ProblemException.class,
                () -> campaign.move(CampaignAction.COMPLETE, "mia", NOW))));
        assertEquals(CampaignStatus.DRAFT, campaign.status());
    }

    @Test
    void revisingAnnouncesTheWholeNewPlan() {
        Campaign campaign = draft();
        CampaignUpdated updated = campaign.revise(Plans.withBudget(new BigDecimal("750000")), 0, Plans.JPY, "lee", NOW)
                .orElseThrow();
        assertEquals(new BigDecimal("750000"), updated.budget());
        assertEquals("Spring webinar", updated.name());
        assertEquals("JPY", updated.currency());
        assertEquals(new BigDecimal("750000"), campaign.budget());
    }

    @Test
    void revisingWithTheSamePlanIsNoChange() {
        CampaignPlan plan = Plans.valid();
        Campaign campaign = Campaign.plan(UUID.randomUUID(), plan, Plans.JPY, "mia", NOW).campaign();
        CampaignPlan sameMoneyWrittenDifferently = new CampaignPlan(plan.name(), plan.channel(),
                new BigDecimal("500000.00"), plan.startDate(), plan.endDate(), plan.keyMessage(), plan.audience(),
                plan.goalId(), plan.marketingOwner(), plan.salesLiaison());
        assertTrue(campaign.revise(sameMoneyWrittenDifferently, 0, Plans.JPY, "lee", NOW).isEmpty());
    }

    @Test
    void revisingAnOldVersionIsAConflict() {
        Campaign campaign = draft();
        ProblemException conflict = assertThrows(ProblemException.class,
                () -> campaign.revise(Plans.valid(), 3, Plans.JPY, "lee", NOW));
        assertEquals(409, status(conflict));
        assertTrue(conflict.getMessage().contains("version 0, not 3"));
    }

    @Test
    void aCompletedCampaignCannotBeRevised() {
        Campaign campaign = active();
        campaign.move(CampaignAction.COMPLETE, "mia", NOW);
        assertEquals(409, status(assertThrows(ProblemException.class,
                () -> campaign.revise(Plans.valid(), 0, Plans.JPY, "lee", NOW))));
    }

    @Test
    void spendAddsUpOnAnActiveCampaign() {
        Campaign campaign = active();
        campaign.recordSpend(new BigDecimal("120000"), "venue", Plans.JPY, "mia", NOW);
        CampaignSpendRecorded second = campaign.recordSpend(new BigDecimal("30000"), null, Plans.JPY, "mia", NOW);
        assertEquals(new BigDecimal("30000"), second.amount());
        assertEquals(new BigDecimal("150000"), second.totalSpend());
        assertEquals("JPY", second.currency());
        assertEquals(new BigDecimal("150000"), campaign.totalSpend());
    }

    @Test
    void aDraftCampaignRecordsNoSpend() {
        Campaign campaign = draft();
        assertEquals(409, status(assertThrows(ProblemException.class,
                () -> campaign.recordSpend(BigDecimal.TEN, null, Plans.JPY, "mia", NOW))));
        assertEquals(0, campaign.totalSpend().signum());
    }

    @Test
    void zeroNegativeOrMissingSpendIsA422AndTheTotalStays() {
        Campaign campaign = active();
        campaign.recordSpend(new BigDecimal("100"), null, Plans.JPY, "mia", NOW);
        // an amount the currency cannot hold (0.5 yen) is the API's rule: CampaignResourceTest
        for (BigDecimal amount : new BigDecimal[] { BigDecimal.ZERO, new BigDecimal("-100"), new BigDecimal("-1"),
                null }) {
            ProblemException problem = assertThrows(ProblemException.class,
                    () -> campaign.recordSpend(amount, null, Plans.JPY, "mia", NOW), "amount " + amount);
            assertEquals(422, status(problem));
            assertEquals("amount", problem.toProblem(null).violations().get(0).field());
        }
        assertEquals(new BigDecimal("100"), campaign.totalSpend());
    }

    @Test
    void spendThatWouldOverflowTheTotalIsRejected() {
        Campaign campaign = active();
        campaign.recordSpend(new BigDecimal("999999999999999"), null, Plans.JPY, "mia", NOW);
        assertEquals(422, status(assertThrows(ProblemException.class,
                () -> campaign.recordSpend(BigDecimal.ONE, null, Plans.JPY, "mia", NOW))));
    }
}
