package io.smarketing.events;

import java.time.Instant;
import java.util.UUID;

/** Sales accepted the lead: it became an SQL; {@code withinSla} feeds SLA compliance. */
public record LeadAccepted(
        UUID leadId,
        @Nullable UUID campaignId,
        LeadStage stage,
        String ownerId,
        Instant respondedAt,
        boolean withinSla,
        String by,
        Instant occurredAt) implements LeadEvent {

    public static final String TYPE = "io.smarketing.lead.accepted.v1";
}
