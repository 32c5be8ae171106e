package io.smarketing.leads.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.smarketing.events.CampaignStatus;

class CampaignReplicaTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void anOlderDescriptionArrivingLaterDoesNotUndoANewerOne() {
        CampaignReplica campaign = CampaignReplica.first(UUID.randomUUID(), T0);
        campaign.describe("Renamed", "New key", T0.plusSeconds(60));
        campaign.describe("Spring webinar", "Old key", T0);

        assertEquals("New key", campaign.keyMessage());
        assertEquals("Renamed", campaign.name());
    }

    @Test
    void anOlderStatusArrivingLaterDoesNotUndoANewerOne() {
        CampaignReplica campaign = CampaignReplica.first(UUID.randomUUID(), T0);
        campaign.moveTo(CampaignStatus.COMPLETED, T0.plusSeconds(3600));
        campaign.moveTo(CampaignStatus.ACTIVE, T0.plusSeconds(60));

        assertEquals(CampaignStatus.COMPLETED, campaign.status());
    }

    @Test
    void aStatusHeardBeforeTheDescriptionKeepsBoth() {
        CampaignReplica campaign = CampaignReplica.first(UUID.randomUUID(), T0.plusSeconds(60));
        campaign.moveTo(CampaignStatus.ACTIVE, T0.plusSeconds(60));
        campaign.describe("Spring webinar", "Close the books in a day", T0);

        assertEquals(CampaignStatus.ACTIVE, campaign.status());
        assertEquals("Close the books in a day", campaign.keyMessage());
    }
}
