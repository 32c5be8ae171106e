package io.smarketing.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Prospect activity changed the lead's score. {@code score} = {@code fitScore} (the rules at capture) +
 * {@code engagementScore} (the activity's points, decaying with a half-life), capped at 100, as of
 * {@code occurredAt}; between events the engagement part only decays, so a consumer that needs the score
 * later asks leads-service or applies the half-life itself.
 */
public record LeadScored(
        UUID leadId,
        @Nullable UUID campaignId,
        LeadStage stage,
        int score,
        int previousScore,
        int fitScore,
        int engagementScore,
        ActivityKind activityKind,
        String activityId,
        Instant activityAt,
        int points,
        String by,
        Instant occurredAt) implements LeadEvent {

    public static final String TYPE = "io.smarketing.lead.scored.v1";
}
