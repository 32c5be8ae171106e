package io.smarketing.events;

import java.time.Instant;
import java.util.UUID;

/** The deal was lost; the reason is counted in feedback rounds. */
public record LeadLost(
        UUID leadId,
        @Nullable UUID campaignId,
        LeadStage stage,
        LossReason reason,
        @Nullable String note,
        String by,
        Instant occurredAt) implements LeadEvent {

    public static final String TYPE = "io.smarketing.lead.lost.v1";
}
