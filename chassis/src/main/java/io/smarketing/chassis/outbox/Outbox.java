package io.smarketing.chassis.outbox;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.smarketing.events.EventCatalog;
import io.smarketing.events.EventJson;
import io.smarketing.events.EventType;
import io.smarketing.events.SmarketingEvent;

/**
 * Where services publish events: a row in {@code outbox_event}, written in the caller's transaction, so the
 * event exists exactly when the change it describes does. The {@link OutboxRelay} sends it after the commit.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_REGISTERED = new Object();

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    Outbox(EntityManager entityManager, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** Stores the event for publication; returns its CloudEvents id. Must run inside the caller's transaction. */
    @Transactional(TxType.MANDATORY)
    public UUID publish(SmarketingEvent event) {
        EventType<?> type = EventCatalog.of(event.getClass());
        UUID eventId = UUID.randomUUID();
        entityManager.createNativeQuery("""
                insert into outbox_event (event_id, topic, record_key, ce_type, ce_time, payload)
                values (:id, :topic, :key, :type, :time, cast(:payload as json))""")
                .setParameter("id", eventId)
                .setParameter("topic", type.topic())
                .setParameter("key", event.subject())
                .setParameter("type", type.ceType())
                .setParameter("time", event.occurredAt())
                .setParameter("payload", new String(EventJson.write(event), StandardCharsets.UTF_8))
                .executeUpdate();
        wakeRelayAfterCommit();
        return eventId;
    }

    /** The relay publishes within milliseconds of the commit instead of waiting for its next poll. */
    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
