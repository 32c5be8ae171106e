package io.smarketing.campaigns.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.smarketing.campaigns.domain.CampaignPlan;
import io.smarketing.chassis.api.DateSpan;
import io.smarketing.chassis.money.MoneyAmount;
import io.smarketing.events.Channel;

/**
 * A campaign plan as marketing sends it, to create (POST) or replace (PUT) one. Both owners are required,
 * because alignment fails when one side is missing; the budget is 0 or more in the platform currency. Text is
 * trimmed before it is checked, and a blank audience is no audience. {@code version} is the version the
 * client read, for a PUT without If-Match.
 */
@DateSpan(start = "startDate", end = "endDate")
public record CampaignRequest(
        @NotBlank @Size(max = MAX_NAME) String name,
        @NotNull Channel channel,
        @NotNull @DecimalMin("0") @MoneyAmount BigDecimal budget,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @NotBlank @Size(max = MAX_TEXT) String keyMessage,
        @Size(max = MAX_TEXT) String audience,
        UUID goalId,
        @NotBlank @Size(max = MAX_USER) String marketingOwner,
        @NotBlank @Size(max = MAX_USER) String salesLiaison,
        Long version) {

    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 2000;
    static final int MAX_USER = 100;

    public CampaignRequest {
        name = trimmed(name);
        keyMessage = trimmed(keyMessage);
        audience = trimmed(audience);
        marketingOwner = trimmed(marketingOwner);
        salesLiaison = trimmed(salesLiaison);
    }

    CampaignPlan toPlan() {
        return new CampaignPlan(name, channel, budget, startDate, endDate, keyMessage, audience, goalId,
                marketingOwner, salesLiaison);
    }

    /** Spaces around a text are a copy-paste accident; blank is no text at all. */
    static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
