package io.smarketing.events;

import java.time.Instant;
import java.util.UUID;

/** Sales sent the lead back to marketing; the reason is counted in feedback rounds. */
public record LeadRejected(
        UUID leadId,
        @Nullable UUID campaignId,
        LeadStage stage,
        RejectionReason reason,
        @Nullable String note,
        Instant respondedAt,
        boolean withinSla,
        String by,
        Instant occurredAt) implements LeadEvent {

    public static final String TYPE = "io.smarketing.lead.rejected.v1";
}
