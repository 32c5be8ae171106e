package io.smarketing.campaigns.api;

import java.math.BigDecimal;

/** Money spent on an ACTIVE campaign: more than zero, in the platform currency. */
public record SpendRequest(BigDecimal amount, String note) {
}
