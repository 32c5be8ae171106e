package io.smarketing.chassis.messaging;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The idempotent inbox. A consumer calls {@link #deliver} inside its own transaction: the {@code ce_id} is
 * recorded in {@code processed_event} in that transaction, so the effect and the dedupe mark commit or roll
 * back together, and a redelivered or replayed event has no second effect.
 */
@ApplicationScoped
public class Inbox {

    /**
     * The one incoming channel of every service: it subscribes to all the topics the service consumes
     * ({@code mp.messaging.incoming.events.topics}), so a service is one consumer in one consumer group,
     * named after the service, and a rebalance moves all its partitions at once.
     */
    public static final String CHANNEL = "events";

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EntityManager entityManager;
    private final MeterRegistry meters;

    Inbox(EntityManager entityManager, MeterRegistry meters) {
        this.entityManager = entityManager;
        this.meters = meters;
    }

    /**
     * Decodes the record and hands it to the handler unless this consumer has processed its id before.
     * A record that cannot be decoded throws, so the connector sends it to the dead-letter topic.
     *
     * @return whether the handler ran
     */
    @Transactional(TxType.MANDATORY)
    public boolean deliver(ConsumerRecord<String, byte[]> record, Consumer<IncomingEvent> handler) {
        var decoded = CloudEventRecord.decode(record);
        if (decoded.isEmpty()) {
            LOG.debugf("Skipped %s/%d@%d: an event type this build does not know", record.topic(),
                    record.partition(), record.offset());
            count(record, "unknown-type");
            return false;
        }
        IncomingEvent event = decoded.get();
        if (!markProcessed(event)) {
            LOG.debugf("Already processed event %s (%s): skipped", event.id(), event.type());
            count(record, "duplicate");
            return false;
        }
        handler.accept(event);
        count(record, "processed");
        return true;
    }

    private boolean markProcessed(IncomingEvent event) {
        return entityManager.createNativeQuery("""
                insert into processed_event (consumer, event_id, ce_type) values (:consumer, :id, :type)
                on conflict do nothing""")
                .setParameter("consumer", CHANNEL)
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .executeUpdate() == 1;
    }

    private void count(ConsumerRecord<String, byte[]> record, String outcome) {
        meters.counter("smarketing.inbox.events", "topic", record.topic(), "outcome", outcome).increment();
    }
}
