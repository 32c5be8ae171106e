package io.smarketing.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Money was spent on the campaign; {@code totalSpend} is the running total, so ROI needs no replay. */
public record CampaignSpendRecorded(
        UUID campaignId,
        @Amount BigDecimal amount,
        @Amount BigDecimal totalSpend,
        String currency,
        @Nullable String note,
        String by,
        Instant occurredAt) implements CampaignEvent {

    public static final String TYPE = "io.smarketing.campaign.spend-recorded.v1";
}
