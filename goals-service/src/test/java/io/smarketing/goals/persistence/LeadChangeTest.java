package io.smarketing.goals.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.smarketing.goals.persistence.Projections.LeadChange;

/** Two changes of a lead in one batch merge as the upsert applies them one after the other. */
class LeadChangeTest {

    private static final UUID LEAD = UUID.randomUUID();
    private static final UUID CAMPAIGN = UUID.randomUUID();
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-01T11:00:00Z");

    @Test
    void theFirstCampaignTheLatestTimeTheEarliestStageTimesAndTheLaterDescriptionsWin() {
        LeadChange earlier = LeadChange.of(LEAD, null, T2).first("mql_at", T2).latest("owner_id", "sam")
                .latest("amount", new BigDecimal("10.00"));
        LeadChange later = LeadChange.of(LEAD, CAMPAIGN, T1).first("mql_at", T1).first("sql_at", T2)
                .latest("owner_id", "sally");

        LeadChange both = earlier.then(later);

        assertEquals(CAMPAIGN, both.campaignId(), "a campaign learnt later fills in");
        assertEquals(T2, both.at(), "the latest event time");
        assertEquals(Map.of("mql_at", T1, "sql_at", T2), both.first(), "the earliest time of each stage");
        assertEquals(Map.of("owner_id", "sally", "amount", new BigDecimal("10.00")), both.latest(),
                "the later description, and what it does not set kept");
        assertEquals(LEAD, both.leadId());
    }

    @Test
    void aNullSetsNothingAndAnUnknownColumnIsRefused() {
        LeadChange change = LeadChange.of(LEAD, CAMPAIGN, T1).latest("loss_reason", null).first("won_at", null);
        assertEquals(Map.of(), change.latest());
        assertEquals(Map.of(), change.first());
        assertThrows(IllegalArgumentException.class, () -> change.first("owner_id", T1));
        assertThrows(IllegalArgumentException.class, () -> change.latest("created_at", T1));
    }
}
