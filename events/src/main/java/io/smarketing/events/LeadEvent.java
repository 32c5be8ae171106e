package io.smarketing.events;

import java.util.UUID;

/**
 * An event on {@link Topics#LEADS}. Every lead event carries the lead's state a consumer needs
 * (event-carried state transfer), so no consumer calls leads-service back.
 */
public sealed interface LeadEvent extends SmarketingEvent
        permits LeadCreated, LeadQualified, LeadAssigned, LeadAccepted, LeadRejected, LeadTouched,
        LeadWon, LeadLost, LeadSlaBreached, LeadScored {

    UUID leadId();

    /** The lead's source campaign, or null when it did not come from a campaign. */
    @Nullable
    UUID campaignId();

    /** The stage after the change. */
    LeadStage stage();

    /** The acting user; {@code "system"} for scheduled jobs. */
    String by();

    @Override
    default String subject() {
        return leadId().toString();
    }
}
