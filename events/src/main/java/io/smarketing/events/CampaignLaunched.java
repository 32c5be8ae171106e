package io.smarketing.events;

import java.time.Instant;
import java.util.UUID;

/** The campaign went live (status ACTIVE): touches may now use its key message. */
public record CampaignLaunched(
        UUID campaignId,
        CampaignStatus status,
        String by,
        Instant occurredAt) implements CampaignEvent {

    public static final String TYPE = "io.smarketing.campaign.launched.v1";
}
