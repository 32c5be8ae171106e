package io.smarketing.goals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.smarketing.events.CampaignLaunched;
import io.smarketing.events.CampaignPlanned;
import io.smarketing.events.CampaignSpendRecorded;
import io.smarketing.events.CampaignStatus;
import io.smarketing.events.Channel;
import io.smarketing.events.FeedbackCsatRecorded;
import io.smarketing.events.FeedbackSubmitted;
import io.smarketing.events.LeadAccepted;
import io.smarketing.events.LeadAssigned;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadQualified;
import io.smarketing.events.LeadRejected;
import io.smarketing.events.LeadStage;
import io.smarketing.events.LeadTouched;
import io.smarketing.events.LeadWon;
import io.smarketing.events.RejectionReason;
import io.smarketing.events.SmarketingEvent;
import io.smarketing.events.Team;

/** The events of one small campaign story, as the other services would publish them. */
final class ViewEvents {

    private ViewEvents() {
    }

    /**
     * Campaign C with spend 1,000; lead A: created → MQL → routed a second later → accepted in time → won 5,000, with a
     * conflicting touch; lead B: created as MQL, assigned at once → rejected (NO_BUDGET, late); sales rates quality 4; CSAT 5.
     */
    static List<SmarketingEvent> story(UUID campaign, UUID leadA, UUID leadB) {
        Instant t = Instant.now().minusSeconds(60);
        return List.of(
                new CampaignPlanned(campaign, "Autumn webinar", Channel.EVENT, new BigDecimal("50000"), "JPY", null,
                        "Close the books in a day", null, LocalDate.now(), LocalDate.now().plusDays(30), "mia", "sam",
                        "mia", t),
                new CampaignLaunched(campaign, CampaignStatus.ACTIVE, "mia", t.plusSeconds(1)),
                new CampaignSpendRecorded(campaign, new BigDecimal("1000"), new BigDecimal("1000"), "JPY", null, "mia",
                        t.plusSeconds(2)),
                new LeadCreated(leadA, campaign, LeadStage.NEW, "a@example.com", "Ann", "Acme", Channel.EVENT, 40,
                        "mia", t.plusSeconds(3)),
                new LeadQualified(leadA, campaign, LeadStage.MQL, 70, "mia", t.plusSeconds(4)),
                new LeadAssigned(leadA, campaign, LeadStage.MQL, "sam", t.plusSeconds(3600), "router", t.plusSeconds(5),
                        UUID.randomUUID(), t.plusSeconds(4)),
                new LeadAccepted(leadA, campaign, LeadStage.SQL, "sam", t.plusSeconds(6), true, "sam", t.plusSeconds(6)),
                new LeadTouched(leadA, campaign, LeadStage.SQL, UUID.randomUUID(), Team.MARKETING, Channel.EMAIL,
                        "Newsletter", null, campaign, "MARKETING_AFTER_ACCEPT", "mia", t.plusSeconds(7)),
                new LeadWon(leadA, campaign, LeadStage.WON, new BigDecimal("5000"), "JPY", "sam", t.plusSeconds(8)),
                new LeadCreated(leadB, campaign, LeadStage.MQL, "b@example.com", "Ben", null, Channel.EVENT, 80, "mia",
                        t.plusSeconds(9)),
                new LeadAssigned(leadB, campaign, LeadStage.MQL, "sam", t.plusSeconds(9), "mia", t.plusSeconds(9), null,
                        t.plusSeconds(9)),
                new LeadRejected(leadB, campaign, LeadStage.REJECTED, RejectionReason.NO_BUDGET, null,
                        t.plusSeconds(10), false, "sam", t.plusSeconds(10)),
                new FeedbackSubmitted(UUID.randomUUID(), campaign, UUID.randomUUID(), Team.SALES, "sam", 4, "Good fit",
                        List.of(), false, t.plusSeconds(11)),
                new FeedbackCsatRecorded(UUID.randomUUID(), leadA, campaign, 5, null, "sam", t.plusSeconds(12)));
    }
}
