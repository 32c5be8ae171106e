package io.smarketing.campaigns.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.smarketing.chassis.money.MoneyAmount;

/**
 * Money spent on an ACTIVE campaign: more than zero, in the platform currency. The event contract has no
 * negative spend, so a correction is a future event type, and the total can never go down.
 */
public record SpendRequest(
        @NotNull @DecimalMin(value = "0", inclusive = false) @MoneyAmount BigDecimal amount,
        @Size(max = CampaignRequest.MAX_TEXT) String note) {

    public SpendRequest {
        note = CampaignRequest.trimmed(note);
    }
}
