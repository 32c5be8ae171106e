package io.smarketing.chassis.messaging;

import java.util.List;
import java.util.Set;

import io.smarketing.events.SmarketingEvent;

/**
 * A service's consumer of events, as the {@link Inbox} takes it: a name, the event types it handles, and what
 * it does with them. The topics the service subscribes to ({@code mp.messaging.incoming.events.topics}) must be
 * exactly the topics of the handled types, or the service does not start ({@link ConsumerTopics}): a topic
 * added without code fails at once instead of reaching a handler that cannot read its events.
 */
public interface EventConsumer {

    /**
     * Names this consumer in {@code processed_event}, where its {@code ce_id}s are deduplicated: a replay under
     * another name would apply every event again, so the name never changes once events were processed.
     */
    String name();

    /**
     * The event types it handles: record types, or a topic's sealed interface such as {@code LeadEvent} for
     * all of them. Events of other types on its topics are acknowledged without reaching {@link #handle}.
     */
    Set<Class<? extends SmarketingEvent>> handles();

    /**
     * The new events of one batch, of handled types only, in the order they were consumed (per partition, so
     * per aggregate), inside the inbox's transaction. Events this consumer processed before are not in the list.
     */
    void handle(List<IncomingEvent> events);

    /** Whether this consumer handles the event's type. */
    default boolean handles(SmarketingEvent event) {
        return handles().stream().anyMatch(type -> type.isInstance(event));
    }
}
