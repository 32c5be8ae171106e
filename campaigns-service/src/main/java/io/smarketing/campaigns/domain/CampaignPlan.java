package io.smarketing.campaigns.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import io.smarketing.events.Channel;
import io.smarketing.events.Money;

/**
 * What marketing plans: the campaign without its lifecycle. Both a marketing owner and a sales liaison are
 * required, because alignment fails when one side is missing; the key message is the one both teams use.
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

    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 2000;
    static final int MAX_USER = 100;

    /**
     * The plan with its text trimmed and its budget at the currency's scale, or a 422 naming every broken
     * rule: name, channel, budget ≥ 0 in the currency, both dates with the end not before the start, key
     * message, both owners.
     */
    public CampaignPlan validated(Money money) {
        Violations violations = new Violations();
        CampaignPlan checked = new CampaignPlan(
                violations.requiredText("name", name, MAX_NAME),
                violations.required("channel", channel),
                violations.money("budget", budget, money, BigDecimal.ZERO, "must be 0 or more"),
                violations.required("startDate", startDate),
                violations.required("endDate", endDate),
                violations.requiredText("keyMessage", keyMessage, MAX_TEXT),
                violations.optionalText("audience", audience, MAX_TEXT),
                goalId,
                violations.requiredText("marketingOwner", marketingOwner, MAX_USER),
                violations.requiredText("salesLiaison", salesLiaison, MAX_USER));
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            violations.add("endDate", "must not be before startDate");
        }
        violations.throwIfAny();
        return checked;
    }
}
