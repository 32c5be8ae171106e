package io.smarketing.events;

import java.time.Instant;
import java.util.UUID;

/** Marketing qualified the lead: it became an MQL, ready to be assigned to sales. */
public record LeadQualified(
        UUID leadId,
        @Nullable UUID campaignId,
        LeadStage stage,
        int score,
        String by,
        Instant occurredAt) implements LeadEvent {

    public static final String TYPE = "io.smarketing.lead.qualified.v1";
}
