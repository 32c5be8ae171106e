package io.smarketing.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * Any event of the platform. The value of a Kafka record is the event serialized by
 * {@link EventJson}; the CloudEvents headers come from the event's {@link EventType} and from here.
 *
 * <p>Not sealed, so that plumbing tests (outbox, inbox) can define their own events; the per-topic
 * sub-interfaces are sealed, so the contract itself is closed.
 */
public interface SmarketingEvent {

    /**
     * The id of the aggregate the event belongs to: the Kafka record key (per-aggregate ordering)
     * and the {@code ce_subject} header. Not part of the JSON payload.
     */
    @JsonIgnore
    String subject();

    /** When it happened (UTC); also the {@code ce_time} header. */
    Instant occurredAt();
}
