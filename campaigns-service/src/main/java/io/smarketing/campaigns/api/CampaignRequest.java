package io.smarketing.campaigns.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import io.smarketing.campaigns.domain.CampaignPlan;
import io.smarketing.events.Channel;

/**
 * A campaign plan as marketing sends it, to create (POST) or replace (PUT) one. The rules live in
 * {@link CampaignPlan#validated}; {@code version} is the version the client read, for PUT without If-Match.
 */
public record CampaignRequest(
        String name,
        Channel channel,
        BigDecimal budget,
        LocalDate startDate,
        LocalDate endDate,
        String keyMessage,
        String audience,
        UUID goalId,
        String marketingOwner,
        String salesLiaison,
        Long version) {

    CampaignPlan toPlan() {
        return new CampaignPlan(name, channel, budget, startDate, endDate, keyMessage, audience, goalId,
                marketingOwner, salesLiaison);
    }
}
