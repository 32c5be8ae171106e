package io.smarketing.events;

import java.time.Instant;
import java.util.UUID;

/** The lead was given to a sales rep, who must accept or reject it by {@code slaDueAt}. */
public record LeadAssigned(
        UUID leadId,
        @Nullable UUID campaignId,
        LeadStage stage,
        String ownerId,
        Instant slaDueAt,
        String by,
        Instant occurredAt) implements LeadEvent {

    public static final String TYPE = "io.smarketing.lead.assigned.v1";
}
