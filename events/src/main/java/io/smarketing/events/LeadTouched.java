package io.smarketing.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone from either team contacted the lead. Both teams log touches on the same lead so that
 * a customer never gets conflicting or duplicate messages; {@code conflict} says why this touch
 * clashed, or is null.
 *
 * <p>{@code touchSubject} is the message's subject line (named so it cannot be confused with
 * {@link SmarketingEvent#subject()}, the aggregate id); {@code touchCampaignId} is the campaign the
 * touch was made for, which drives last-touch and linear attribution, while {@code campaignId} stays
 * the lead's source campaign as on every lead event.
 */
public record LeadTouched(
        UUID leadId,
        @Nullable UUID campaignId,
        LeadStage stage,
        UUID touchId,
        Team team,
        Channel channel,
        String touchSubject,
        @Nullable String messageKey,
        @Nullable UUID touchCampaignId,
        @Nullable String conflict,
        String by,
        Instant occurredAt) implements LeadEvent {

    public static final String TYPE = "io.smarketing.lead.touched.v1";
}
