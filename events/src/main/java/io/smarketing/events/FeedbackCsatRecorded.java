package io.smarketing.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer-satisfaction score (1–5) for a lead's experience. Keyed by {@code csatId}: each CSAT
 * record is its own aggregate.
 */
public record FeedbackCsatRecorded(
        UUID csatId,
        UUID leadId,
        @Nullable UUID campaignId,
        int score,
        @Nullable String comment,
        String by,
        Instant occurredAt) implements FeedbackEvent {

    public static final String TYPE = "io.smarketing.feedback.csat-recorded.v1";

    @Override
    public String subject() {
        return csatId.toString();
    }
}
