package io.smarketing.events;

import java.util.UUID;

/** A feedback event about one round: a round's events share its key, so they stay in order. */
public sealed interface FeedbackRoundEvent extends FeedbackEvent
        permits FeedbackRoundOpened, FeedbackSubmitted, FeedbackRoundClosed {

    UUID roundId();

    @Override
    default String subject() {
        return roundId().toString();
    }
}
