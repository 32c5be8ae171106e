package io.smarketing.events;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * What a prospect did, as the marketing tools report it for engagement scoring. A constant added later reads
 * as {@link #OTHER} in consumers built before it, so adding one is an additive change.
 */
public enum ActivityKind {
    EMAIL_OPENED, LINK_CLICKED, PAGE_VISITED, CONTENT_DOWNLOADED, EVENT_ATTENDED, REPLIED,
    @JsonEnumDefaultValue
    OTHER
}
