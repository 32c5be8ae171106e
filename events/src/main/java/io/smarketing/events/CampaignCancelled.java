package io.smarketing.events;

import java.time.Instant;
import java.util.UUID;

/** The campaign was called off (status CANCELLED) before or while running. */
public record CampaignCancelled(
        UUID campaignId,
        CampaignStatus status,
        String by,
        Instant occurredAt) implements CampaignEvent {

    public static final String TYPE = "io.smarketing.campaign.cancelled.v1";
}
