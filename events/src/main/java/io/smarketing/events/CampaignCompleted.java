package io.smarketing.events;

import java.time.Instant;
import java.util.UUID;

/** The campaign ended (status COMPLETED); feedback-service opens a feedback round on it. */
public record CampaignCompleted(
        UUID campaignId,
        CampaignStatus status,
        String by,
        Instant occurredAt) implements CampaignEvent {

    public static final String TYPE = "io.smarketing.campaign.completed.v1";
}
