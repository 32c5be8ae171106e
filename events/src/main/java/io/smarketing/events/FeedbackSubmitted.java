package io.smarketing.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One team member's feedback entry in a round. {@code leadQuality} (1–5) may be null because
 * marketing entries need not rate their own leads; {@code revised} is true when the author replaced
 * an earlier entry ({@code entryId} stays the same).
 */
public record FeedbackSubmitted(
        UUID roundId,
        UUID campaignId,
        UUID entryId,
        Team team,
        String author,
        @Nullable Integer leadQuality,
        String comment,
        List<String> actions,
        boolean revised,
        Instant occurredAt) implements FeedbackRoundEvent {

    public static final String TYPE = "io.smarketing.feedback.submitted.v1";
}
