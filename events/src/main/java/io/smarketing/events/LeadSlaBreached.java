package io.smarketing.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An assigned MQL was neither accepted nor rejected by {@code slaDueAt}. Emitted once per assignment
 * by the SLA job, so {@code by} is {@code "system"}.
 */
public record LeadSlaBreached(
        UUID leadId,
        @Nullable UUID campaignId,
        LeadStage stage,
        String ownerId,
        Instant slaDueAt,
        String by,
        Instant occurredAt) implements LeadEvent {

    public static final String TYPE = "io.smarketing.lead.sla-breached.v1";
}
