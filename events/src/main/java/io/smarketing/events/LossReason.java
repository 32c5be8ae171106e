package io.smarketing.events;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Why a deal was lost; counted in feedback rounds. A constant added later reads as
 * {@link #OTHER} in consumers built before it, so adding one is an additive change.
 */
public enum LossReason {
    PRICE, COMPETITOR, NO_DECISION, TIMING, PRODUCT_FIT,
    @JsonEnumDefaultValue
    OTHER
}
