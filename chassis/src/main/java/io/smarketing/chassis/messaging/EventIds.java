package io.smarketing.chassis.messaging;

import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * The {@code ce_id} of every event this platform publishes: a UUID version 7 (RFC 9562), which begins with the
 * millisecond it was made. Ids made in order sort in that order, as text too, so each consumer's
 * {@code processed_event} key and the outbox's {@code event_id} index take new ids at their right edge rather
 * than at a random page: a replay of the log writes its inbox a few pages at a time instead of all over it.
 * Uniqueness does not rest on the time: within a millisecond the generator counts up from a random start of 74 bits,
 * and a new millisecond starts afresh.
 */
public final class EventIds {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private EventIds() {
    }

    /**
     * A new id, sorting after every id this JVM made before unless the system clock stepped back (then it is still
     * unique, only out of order).
     */
    public static UUID next() {
        return GENERATOR.generate();
    }
}
