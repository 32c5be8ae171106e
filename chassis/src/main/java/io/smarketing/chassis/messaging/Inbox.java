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
    public boolean deliver(String consumer, ConsumerRecord<String, byte[]> record, Consumer<IncomingEvent> handler) {
        var decoded = CloudEventRecord.decode(record);
        if (decoded.isEmpty()) {
            LOG.debugf("%s skips %s/%d@%d: an event type this build does not know", consumer, record.topic(),
                    record.partition(), record.offset());
            count(consumer, "unknown-type");
            return false;
        }
        IncomingEvent event = decoded.get();
        if (!markProcessed(consumer, event)) {
            LOG.debugf("%s already processed event %s (%s): skipped", consumer, event.id(), event.type());
            count(consumer, "duplicate");
            return false;
        }
        handler.accept(event);
        count(consumer, "processed");
        return true;
    }

    private boolean markProcessed(String consumer, IncomingEvent event) {
        return entityManager.createNativeQuery("""
                insert into processed_event (consumer, event_id, ce_type) values (:consumer, :id, :type)
                on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .executeUpdate() == 1;
    }

    private void count(String consumer, String outcome) {
        meters.counter("smarketing.inbox.events", "consumer", consumer, "outcome", outcome).increment();
    }
}
