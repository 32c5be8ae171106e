package io.smarketing.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A feedback round on a campaign opened: on {@code campaign.completed} ({@code by} is
 * {@code "system"}) or by hand.
 */
public record FeedbackRoundOpened(
        UUID roundId,
        UUID campaignId,
        String by,
        Instant occurredAt) implements FeedbackRoundEvent {

    public static final String TYPE = "io.smarketing.feedback.round-opened.v1";
}
