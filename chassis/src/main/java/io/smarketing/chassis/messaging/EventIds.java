package io.smarketing.chassis.messaging;

import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * The {@code ce_id} of every event this platform publishes: a UUID version 7 (RFC 9562), which begins with the
 * millisecond it was made. Ids made in order sort in that order, as text too, so each consumer's
 * {@code processed_event} key and the outbox's {@code event_id} index take new ids at their right edge rather
 * than at a random page: a replay of the log writes its inbox a few pages at a time instead of all over it.
 * Uniqueness does not rest on the time: 74 bits of each id are random.
 */
public final class EventIds {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private EventIds() {
    }

    /** A new id, later than or equal in time to every id this JVM made before. */
    public static UUID next() {
        return GENERATOR.generate();
    }
}
