package io.smarketing.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The deal was won; {@code amount} is the revenue attributed to campaigns and goals. */
public record LeadWon(
        UUID leadId,
        @Nullable UUID campaignId,
        LeadStage stage,
        @Amount BigDecimal amount,
        String currency,
        String by,
        Instant occurredAt) implements LeadEvent {

    public static final String TYPE = "io.smarketing.lead.won.v1";
}
