package io.smarketing.campaigns.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import io.smarketing.events.Channel;
import io.smarketing.events.Money;

/**
 * What marketing plans: the campaign without its lifecycle, as the API checked it (both owners, the budget in
 * the currency, the end not before the start); the key message is the one both teams use.
 */
public record CampaignPlan(
        String name,
        Channel channel,
        BigDecimal budget,
        LocalDate startDate,
        LocalDate endDate,
        String keyMessage,
        String audience,
        UUID goalId,
        String marketingOwner,
        String salesLiaison) {

    /**
     * The plan with its budget at the currency's scale, so that plans compare by what they say (500000 and
     * 500000.00 yen are one budget). The budget was checked against the currency before (the API's
     * {@code @MoneyAmount}); one the currency cannot hold exactly is a programming error.
     */
    public CampaignPlan atScaleOf(Money money) {
        return new CampaignPlan(name, channel, money.exact(budget), startDate, endDate, keyMessage, audience, goalId,
                marketingOwner, salesLiaison);
    }
}
