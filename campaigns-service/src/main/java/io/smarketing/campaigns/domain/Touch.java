package io.smarketing.campaigns.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/** A touch made for a campaign ({@code LeadTouched.touchCampaignId}). */
public record Touch(UUID touchId, UUID campaignId, Instant occurredAt) {

    /** Earliest first; the touch id breaks ties so that every read orders touches the same way. */
    static final Comparator<Touch> CHRONOLOGICAL = Comparator.comparing(Touch::occurredAt)
            .thenComparing(Touch::touchId);
}
