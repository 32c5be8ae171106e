package io.smarketing.chassis.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.Session;

import io.smarketing.chassis.messaging.EventIds;
import io.smarketing.chassis.persistence.AfterCommit;
import io.smarketing.events.EventCatalog;
import io.smarketing.events.EventJson;
import io.smarketing.events.EventType;
import io.smarketing.events.SmarketingEvent;

/**
 * Where services publish events: rows in {@code outbox_event}, written in the caller's transaction, so an
 * event exists exactly when the change it describes does. The {@link OutboxRelay} sends them after the commit.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_REGISTERED = new Object();
    private static final String INSERT = """
            insert into outbox_event (event_id, topic, record_key, ce_type, ce_time, payload)
            values (?, ?, ?, ?, ?, cast(? as json))""";

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
        return publishAll(List.of(event)).get(0);
    }

    /** As {@link #publish(SmarketingEvent)}, for a caller that serialized the event already ({@link EventJson}). */
    @Transactional(TxType.MANDATORY)
    public UUID publish(SmarketingEvent event, byte[] json) {
        return store(List.of(event), ignored -> json).get(0);
    }

    /**
     * Stores the events for publication in this order, as one JDBC batch (a 10,000-line import writes 10,000
     * events); returns their CloudEvents ids. Must run inside the caller's transaction.
     */
    @Transactional(TxType.MANDATORY)
    public List<UUID> publishAll(List<? extends SmarketingEvent> events) {
        return store(events, EventJson::write);
    }

    private List<UUID> store(List<? extends SmarketingEvent> events, Function<SmarketingEvent, byte[]> json) {
        List<UUID> ids = new ArrayList<>(events.size());
        if (events.isEmpty()) {
            return ids;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (SmarketingEvent event : events) {
                    EventType<?> type = EventCatalog.of(event.getClass());
                    UUID id = EventIds.next();
                    insert.setObject(1, id);
                    insert.setString(2, type.topic());
                    insert.setString(3, event.subject());
                    insert.setString(4, type.ceType());
                    insert.setObject(5, event.occurredAt().atOffset(ZoneOffset.UTC));
                    insert.setString(6, new String(json.apply(event), StandardCharsets.UTF_8));
                    insert.addBatch();
                    ids.add(id);
                }
                insert.executeBatch();
            }
        });
        wakeRelayAfterCommit();
        return ids;
    }

    /** The relay publishes within milliseconds of the commit instead of waiting for its next poll. */
    private void wakeRelayAfterCommit() {
        AfterCommit.once(transactions, WAKE_REGISTERED, relay::wake);
    }
}
