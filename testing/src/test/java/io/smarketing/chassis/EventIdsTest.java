package io.smarketing.chassis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.smarketing.chassis.messaging.EventIds;

class EventIdsTest {

    @Test
    void idsMadeInOrderSortInThatOrderAsTextAsTheInboxKeysThem() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            made.add(EventIds.next().toString());
        }
        List<String> sorted = new ArrayList<>(made);
        sorted.sort(null);
        assertEquals(made, sorted, "ids made one after the other must sort as text in the order they were made");
        assertEquals(made.size(), new HashSet<>(made).size(), "every id is unique");
    }

    @Test
    void anIdIsAVersion7UuidThatBeginsWithTheMillisecondItWasMade() {
        long before = System.currentTimeMillis();
        UUID id = EventIds.next();
        long after = System.currentTimeMillis();
        assertEquals(7, id.version());
        assertEquals(2, id.variant(), "the RFC variant");
        long millis = id.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= after, () -> id + " carries " + millis + ", made in " + before + ".." + after);
    }
}
