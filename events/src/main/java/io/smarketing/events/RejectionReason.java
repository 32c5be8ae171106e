package io.smarketing.events;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Why sales sent an MQL back to marketing; counted in feedback rounds. A constant added later
 * reads as {@link #OTHER} in consumers built before it, so adding one is an additive change.
 */
public enum RejectionReason {
    NOT_A_FIT, NO_BUDGET, BAD_CONTACT_DATA, DUPLICATE, NOT_READY,
    @JsonEnumDefaultValue
    OTHER
}
