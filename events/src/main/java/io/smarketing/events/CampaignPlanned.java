package io.smarketing.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A campaign was planned (status DRAFT), with the one approved key message both teams use. */
public record CampaignPlanned(
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

    public static final String TYPE = "io.smarketing.campaign.planned.v1";
}
