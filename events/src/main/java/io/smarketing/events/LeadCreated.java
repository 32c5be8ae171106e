package io.smarketing.events;

import java.time.Instant;
import java.util.UUID;

/** A new lead was captured (form, import, API); it is an MQL at once when its score met the threshold. */
public record LeadCreated(
        UUID leadId,
        @Nullable UUID campaignId,
        LeadStage stage,
        String email,
        String name,
        @Nullable String company,
        Channel channel,
        int score,
        String by,
        Instant occurredAt) implements LeadEvent {

    public static final String TYPE = "io.smarketing.lead.created.v1";
}
