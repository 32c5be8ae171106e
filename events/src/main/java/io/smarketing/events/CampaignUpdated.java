package io.smarketing.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A campaign's plan changed; carries the whole plan so consumers just replace their copy. */
public record CampaignUpdated(
        UUID campaignId,
        String name,
        Channel channel,
        @Amount BigDecimal budget,
        String currency,
        @Nullable UUID goalId,
        String keyMessage,
        @Nullable String audience,
        LocalDate startDate,
        LocalDate endDate,
        String marketingOwner,
        String salesLiaison,
        String by,
        Instant occurredAt) implements CampaignEvent {

    public static final String TYPE = "io.smarketing.campaign.updated.v1";
}
