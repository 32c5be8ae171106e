package io.smarketing.campaigns.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.smarketing.events.Channel;
import io.smarketing.events.LeadAccepted;
import io.smarketing.events.LeadAssigned;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadLost;
import io.smarketing.events.LeadQualified;
import io.smarketing.events.LeadRejected;
import io.smarketing.events.LeadStage;
import io.smarketing.events.LeadTouched;
import io.smarketing.events.LossReason;
import io.smarketing.events.RejectionReason;
import io.smarketing.events.LeadWon;
import io.smarketing.events.Team;

/** The lead events leads-service would publish for one lead from one source campaign, as tests need them. */
record LeadJourney(UUID leadId, UUID campaignId) {

    static LeadJourney from(UUID campaignId) {
        return new LeadJourney(UUID.randomUUID(), campaignId);
    }

    LeadCreated created(LeadStage stage, Instant at) {
        return new LeadCreated(leadId, campaignId, stage, leadId + "@example.com", "Kai Ito", null, Channel.WEB,
                stage == LeadStage.MQL ? 70 : 20, "mia", at);
    }

    LeadQualified qualified(Instant at) {
        return new LeadQualified(leadId, campaignId, LeadStage.MQL, 65, "mia", at);
    }

    LeadAssigned assigned(Instant at) {
        return new LeadAssigned(leadId, campaignId, LeadStage.MQL, "sam", at.plusSeconds(86_400), "mia", at);
    }

    LeadAccepted accepted(Instant at) {
        return new LeadAccepted(leadId, campaignId, LeadStage.SQL, "sam", at, true, "sam", at);
    }

    LeadRejected rejected(Instant at) {
        return new LeadRejected(leadId, campaignId, LeadStage.REJECTED, RejectionReason.NOT_A_FIT, null, at, true,
                "sam", at);
    }

    LeadWon won(String amount, Instant at) {
        return new LeadWon(leadId, campaignId, LeadStage.WON, new BigDecimal(amount), "JPY", "sam", at);
    }

    LeadLost lost(Instant at) {
        return new LeadLost(leadId, campaignId, LeadStage.LOST, LossReason.COMPETITOR, null, "sam", at);
    }

    LeadTouched touchedFor(UUID touchCampaignId, LeadStage stage, Instant at) {
        return new LeadTouched(leadId, campaignId, stage, UUID.randomUUID(), Team.MARKETING, Channel.EMAIL,
                "Your invitation", null, touchCampaignId, null, "mia", at);
    }
}
