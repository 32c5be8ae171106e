package io.smarketing.events;

import java.util.UUID;

/**
 * An event on {@link Topics#FEEDBACK}. Two aggregates publish here: feedback rounds
 * ({@link FeedbackRoundEvent}, keyed by the round) and CSAT records (keyed by the CSAT record).
 */
public sealed interface FeedbackEvent extends SmarketingEvent
        permits FeedbackRoundEvent, FeedbackCsatRecorded {

    /** The campaign the feedback is about; null only for a CSAT record given without a campaign. */
    @Nullable
    UUID campaignId();
}
