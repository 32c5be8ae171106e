package io.smarketing.events;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The channel a lead came from or a touch went through. A constant added later reads as
 * {@link #OTHER} in consumers built before it, so adding one is an additive change.
 */
public enum Channel {
    WEB, EMAIL, EVENT, ADS, SOCIAL, REFERRAL,
    @JsonEnumDefaultValue
    OTHER
}
