package io.smarketing.goals.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.smarketing.chassis.messaging.IncomingEvent;
import io.smarketing.events.LeadQualified;
import io.smarketing.events.LeadStage;

class BatchActivityTest {

    private static final Instant T = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void theKeptRowsAreTheSameAsWhenEveryRowIsWritten() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            int kept = 1 + random.nextInt(20);
            List<List<IncomingEvent>> batches = new ArrayList<>();
            List<IncomingEvent> earlier = new ArrayList<>();
            for (int b = 0, count = 1 + random.nextInt(8); b < count; b++) {
                List<IncomingEvent> batch = new ArrayList<>();
                for (int e = 0, size = random.nextInt(60); e < size; e++) {
                    // times a few microseconds apart, some the same to the nanosecond: ties at the cut-off
                    Instant at = T.plusNanos(random.nextInt(40) * 700L);
                    batch.add(!earlier.isEmpty() && random.nextInt(10) == 0
                            ? earlier.get(random.nextInt(earlier.size())) // a redelivery
                            : event(UUID.randomUUID().toString(), at));
                }
                earlier.addAll(batch);
                batches.add(batch);
            }
            List<IncomingEvent> everyRow = new ArrayList<>();
            List<IncomingEvent> writtenRows = new ArrayList<>();
            for (List<IncomingEvent> batch : batches) {
                everyRow.addAll(batch);
                BatchActivity.newest(batch, kept).forEach(row -> writtenRows.add(row.event()));
            }
            assertEquals(keptAfterTrim(everyRow, kept), keptAfterTrim(writtenRows, kept), "round " + round);
        }
    }

    @Test
    void aBatchWritesNoMoreThanItsNewestRowsAndTheirTies() {
        List<IncomingEvent> batch = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            batch.add(event("e" + i, T.plusSeconds(i)));
        }
        batch.add(event("tie", T.plusSeconds(800).plusNanos(400)));
        List<BatchActivity.Row> rows = BatchActivity.newest(batch, 200);
        assertEquals(201, rows.size());
        assertEquals("e999", rows.get(0).event().id());
        assertTrue(rows.stream().allMatch(row -> !row.event().data().occurredAt().isBefore(T.plusSeconds(800))));
        assertEquals(List.of(), BatchActivity.newest(batch, 0));
    }

    /** What the trim leaves: rows by id (a second insert does nothing), newest first to the microsecond. */
    private static List<String> keptAfterTrim(List<IncomingEvent> inserted, int kept) {
        Map<String, Instant> rows = new LinkedHashMap<>();
        inserted.forEach(incoming -> rows.putIfAbsent(incoming.id(), micros(incoming.data().occurredAt())));
        return rows.entrySet().stream()
                .sorted(Map.Entry.<String, Instant>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(kept).map(Map.Entry::getKey).toList();
    }

    /** As PostgreSQL stores a time: rounded to the microsecond. */
    private static Instant micros(Instant at) {
        return Instant.ofEpochSecond(at.getEpochSecond(), Math.round(at.getNano() / 1_000.0) * 1_000);
    }

    private static IncomingEvent event(String id, Instant at) {
        return new IncomingEvent(id, "smarketing.lead.qualified.v1", "/smarketing/leads-service", id, at,
                new LeadQualified(UUID.randomUUID(), null, LeadStage.MQL, 70, "mia", at));
    }
}
