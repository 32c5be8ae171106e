package io.smarketing.campaigns.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import io.smarketing.campaigns.domain.Standing;
import io.smarketing.events.CampaignStatus;
import io.smarketing.events.Channel;

/** One row of the leaderboard ({@code GET /api/campaigns}): the campaign and its headline numbers. */
public record StandingResponse(UUID id, String name, Channel channel, CampaignStatus status, LocalDate startDate,
        LocalDate endDate, String marketingOwner, String salesLiaison, long leads, long won, BigDecimal revenue,
        BigDecimal spend, BigDecimal roi, long version) {

    static StandingResponse of(Standing standing) {
        var campaign = standing.campaign();
        var performance = standing.performance();
        return new StandingResponse(campaign.id(), campaign.name(), campaign.channel(), campaign.status(),
                campaign.startDate(), campaign.endDate(), campaign.marketingOwner(), campaign.salesLiaison(),
                performance.funnel().leads(), performance.funnel().won(), performance.revenue(), performance.spend(),
                performance.roi(), campaign.version());
    }
}
