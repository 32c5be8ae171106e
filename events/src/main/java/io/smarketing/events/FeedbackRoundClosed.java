package io.smarketing.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A round closed with its summary: the numbers that close the loop between the two teams. */
public record FeedbackRoundClosed(
        UUID roundId,
        UUID campaignId,
        RoundSummary summary,
        String by,
        Instant occurredAt) implements FeedbackRoundEvent {

    public static final String TYPE = "io.smarketing.feedback.round-closed.v1";

    /**
     * What the round found. Averages are null when nothing was rated; rejection and loss reasons
     * are counted from the campaign's lead events, most frequent first.
     */
    public record RoundSummary(
            @Nullable Double avgLeadQuality,
            Map<Team, Integer> entriesByTeam,
            List<ReasonCount> topRejectionReasons,
            List<ReasonCount> topLossReasons,
            @Nullable Double avgCsat,
            int csatCount,
            List<String> actions) {
    }

    /** How many of the campaign's leads were rejected or lost for one reason. */
    public record ReasonCount(String reason, int count) {
    }
}
