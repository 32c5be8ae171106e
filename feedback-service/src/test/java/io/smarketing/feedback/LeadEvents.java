package io.smarketing.feedback;

import java.time.Instant;
import java.util.UUID;

import io.smarketing.events.Channel;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadLost;
import io.smarketing.events.LeadRejected;
import io.smarketing.events.LeadStage;
import io.smarketing.events.LossReason;
import io.smarketing.events.RejectionReason;

/** Lead events as leads-service publishes them, for the reasons and CSAT tests. */
final class LeadEvents {

    private LeadEvents() {
    }

    static LeadRejected rejected(UUID leadId, UUID campaignId, RejectionReason reason, Instant at) {
        return new LeadRejected(leadId, campaignId, LeadStage.REJECTED, reason, "from the field", at, true, "sam", at);
    }

    static LeadRejected rejected(UUID leadId, UUID campaignId, RejectionReason reason) {
        return rejected(leadId, campaignId, reason, Instant.now());
    }

    static LeadLost lost(UUID leadId, UUID campaignId, LossReason reason) {
        return new LeadLost(leadId, campaignId, LeadStage.LOST, reason, null, "sam", Instant.now());
    }

    static LeadCreated created(UUID leadId, UUID campaignId) {
        return new LeadCreated(leadId, campaignId, LeadStage.NEW, leadId + "@example.com", "Lee Ray", null,
                Channel.WEB, 10, "mia", Instant.now());
    }
}
