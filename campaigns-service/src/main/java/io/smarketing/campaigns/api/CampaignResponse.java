package io.smarketing.campaigns.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.smarketing.campaigns.domain.Campaign;
import io.smarketing.chassis.api.Versioned;
import io.smarketing.events.CampaignStatus;
import io.smarketing.events.Channel;
import io.smarketing.events.Money;

/** A campaign as every endpoint shows it; its version is also the ETag. */
public record CampaignResponse(UUID id, String name, Channel channel, BigDecimal budget, String currency,
        LocalDate startDate, LocalDate endDate, String keyMessage, String audience, UUID goalId,
        String marketingOwner, String salesLiaison, CampaignStatus status, BigDecimal totalSpend, long version,
        Instant createdAt, Instant updatedAt) implements Versioned {

    static CampaignResponse of(Campaign campaign, Money money) {
        return new CampaignResponse(campaign.id(), campaign.name(), campaign.channel(), money.round(campaign.budget()),
                money.currency(), campaign.startDate(), campaign.endDate(), campaign.keyMessage(), campaign.audience(),
                campaign.goalId(), campaign.marketingOwner(), campaign.salesLiaison(), campaign.status(),
                money.round(campaign.totalSpend()), campaign.version(), campaign.createdAt(), campaign.updatedAt());
    }
}
