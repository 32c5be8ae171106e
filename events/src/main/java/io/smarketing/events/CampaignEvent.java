package io.smarketing.events;

import java.util.UUID;

/** An event on {@link Topics#CAMPAIGNS}, keyed by the campaign. */
public sealed interface CampaignEvent extends SmarketingEvent
        permits CampaignPlanned, CampaignUpdated, CampaignLaunched, CampaignCompleted,
        CampaignCancelled, CampaignSpendRecorded {

    UUID campaignId();

    @Override
    default String subject() {
        return campaignId().toString();
    }
}
