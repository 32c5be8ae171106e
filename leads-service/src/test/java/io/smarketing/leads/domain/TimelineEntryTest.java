package io.smarketing.leads.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.smarketing.events.LeadSlaBreached;
import io.smarketing.events.LeadStage;

class TimelineEntryTest {

    @Test
    void anEntryKeepsTheEventItDescribes() {
        UUID lead = UUID.randomUUID();
        Instant due = Instant.parse("2026-03-02T09:00:00Z");

        TimelineEntry entry = TimelineEntry.of(new LeadSlaBreached(lead, null, LeadStage.MQL, "sam", due, "system",
                due.plusSeconds(1)));

        assertEquals("sla-breached", entry.type());
        assertEquals(lead, entry.leadId());
        assertEquals("system", entry.by());
        assertEquals(LeadStage.MQL, entry.stage());
        assertEquals(due.plusSeconds(1), entry.occurredAt());
        assertTrue(entry.data().contains("\"slaDueAt\":\"2026-03-02T09:00:00Z\""), entry.data());
    }
}
