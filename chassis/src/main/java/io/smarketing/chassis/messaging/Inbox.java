package io.smarketing.chassis.messaging;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smarketing.chassis.rebuild.BulkReplay;

/**
 * The idempotent inbox every consumer hands its batches of records to.
 * <ul>
 * <li>A batch (one poll's records, bounded by {@code max.poll.records}, in partition order) is one
 * transaction: the {@code ce_id}s are recorded in {@code processed_event} in one statement, the handler sees
 * the events not processed before, one commit; the batch is acknowledged after it. A redelivered or replayed
 * event has no second effect.</li>
 * <li>A transient failure (the database unreachable, a lock conflict) tries the same batch again, with a
 * growing pause, for as long as it lasts; what is behind it waits, which keeps each aggregate's events in
 * order.</li>
 * <li>Any other failure is isolated: the batch is tried again record by record, and only a record that fails
 * on its own goes to the dead-letter topic; the others take effect once.</li>
 * <li>A service that is stopping takes no new batch, lets the one in flight commit, and never turns a failure
 * into a dead letter: what it did not commit stays unacknowledged, and the group hands it out again.</li>
 * </ul>
 */
@ApplicationScoped
public class Inbox {

    /**
     * The one incoming channel of every service: it subscribes to all the topics the service consumes
     * ({@code mp.messaging.incoming.events.topics}, which must be the topics its {@link EventConsumer} handles),
     * so a service is one consumer in one consumer group, named after the service, and a rebalance moves all its
     * partitions at once.
     */
    public static final String CHANNEL = "events";

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    /** How often a long retry is logged again, in attempts. */
    private static final int LOG_EVERY = 10;

    private static final String MARK_PROCESSED = """
            insert into processed_event (consumer, event_id, ce_type)
            select ?, id, type from unnest(?::text[], ?::text[]) as e (id, type)
            on conflict do nothing
            returning event_id""";

    private final EntityManager entityManager;
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;
    private final InboxConfig config;
    private final BulkReplay bulkReplay;
    private final AtomicInteger waiting;
    /** Batches being applied, so that a stopping service can wait for them to commit; guarded by this. */
    private int inFlight;
    private volatile boolean stopping;
    private final AtomicBoolean leftAny = new AtomicBoolean();

    Inbox(EntityManager entityManager, DeadLetters deadLetters, MeterRegistry meters, InboxConfig config,
            BulkReplay bulkReplay) {
        this.entityManager = entityManager;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.config = config;
        this.bulkReplay = bulkReplay;
        this.waiting = meters.gauge("smarketing.inbox.waiting", new AtomicInteger());
    }

    /**
     * Runs before the persistence unit and the beans the handlers need close (those go after the shutdown
     * event): from now on no batch is started, and the one in flight may finish its commit.
     */
    synchronized void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent shutdown) {
        stopping = true;
        long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
        try {
            while (inFlight > 0 && System.nanoTime() < deadline) {
                TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (inFlight > 0) {
            LOG.warnf("Stopping with a batch still in flight after %s: it stays unacknowledged", config.shutdownGrace());
        }
    }

    private synchronized boolean begin() {
        if (stopping) {
            return false;
        }
        inFlight++;
        return true;
    }

    private synchronized void end() {
        inFlight--;
        notifyAll();
    }

    /**
     * Applies the batch through the consumer (the events of the types it handles; its name keys their dedupe),
     * then acknowledges it; returns the acknowledgement, which a consumer method returns to the connector.
     */
    public CompletionStage<Void> deliver(KafkaRecordBatch<String, byte[]> batch, EventConsumer consumer) {
        if (!begin()) {
            return leftForTheNextConsumer(batch.getRecords().size());
        }
        try {
            List<Delivery> deliveries = batch.getRecords().stream().map(Inbox::decode).toList();
            untilDone(() -> apply(deliveries, consumer), "batch of " + deliveries.size());
            sendPoisonToDeadLetters(deliveries);
            return batch.ack();
        } catch (Stopped stopped) {
            return leftForTheNextConsumer(batch.getRecords().size());
        } finally {
            end();
        }
    }

    /** The whole batch in one transaction; on a permanent failure, each record in its own. */
    private void apply(List<Delivery> deliveries, EventConsumer consumer) {
        // a type the consumer does not handle is acknowledged without effect, as a type unknown to this build
        List<Delivery> decoded = deliveries.stream()
                .filter(d -> d.event().filter(event -> consumer.handles(event.data())).isPresent()).toList();
        if (decoded.isEmpty()) {
            return;
        }
        try {
            inTransaction(decoded, consumer);
        } catch (RuntimeException failure) {
            if (TransientFailures.isTransient(failure) || stopping) {
                throw failure;
            }
            LOG.warnf("A batch of %d failed (%s); applying its records one by one to find the bad one",
                    decoded.size(), TransientFailures.describe(failure));
            for (Delivery delivery : decoded) {
                applyAlone(delivery, consumer);
            }
        }
    }

    private void applyAlone(Delivery delivery, EventConsumer consumer) {
        try {
            untilDone(() -> inTransaction(List.of(delivery), consumer), where(delivery.record()));
        } catch (Stopped stopped) {
            throw stopped;
        } catch (RuntimeException failure) {
            LOG.errorf(failure, "%s cannot be processed; it goes to the dead-letter topic", where(delivery.record()));
            delivery.poison(failure);
        }
    }

    private void inTransaction(List<Delivery> deliveries, EventConsumer consumer) {
        bulkReplay.batch(() -> QuarkusTransaction.requiringNew().run(() -> applyOnce(deliveries, consumer)));
    }

    private void applyOnce(List<Delivery> deliveries, EventConsumer consumer) {
        Set<String> fresh = markProcessed(consumer.name(), deliveries);
        // The same id twice in one batch: its first copy is applied, the others are duplicates.
        Set<String> taken = new HashSet<>();
        List<IncomingEvent> events = new ArrayList<>(fresh.size());
        // How many of each topic were processed and how many were duplicates, counted once per batch.
        Map<List<String>, Integer> outcomes = new HashMap<>();
        for (Delivery delivery : deliveries) {
            IncomingEvent event = delivery.event().orElseThrow();
            String outcome;
            if (fresh.contains(event.id()) && taken.add(event.id())) {
                events.add(event);
                outcome = "processed";
            } else {
                LOG.debugf("Already processed event %s (%s): skipped", event.id(), event.type());
                outcome = "duplicate";
            }
            outcomes.merge(List.of(delivery.record().topic(), outcome), 1, Integer::sum);
        }
        if (!events.isEmpty()) {
            consumer.handle(events);
        }
        outcomes.forEach((topicAndOutcome, count) -> count(topicAndOutcome.get(0), topicAndOutcome.get(1), count));
    }

    /**
     * Records the ids as processed by this consumer, in one statement; returns those it had not processed before.
     * Sent on the transaction's connection without a query of the ORM: it runs for every batch, and the ORM's
     * native query reads the result's metadata every time.
     */
    private Set<String> markProcessed(String consumer, List<Delivery> deliveries) {
        String[] ids = new String[deliveries.size()];
        String[] types = new String[deliveries.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = deliveries.get(i).event().orElseThrow().id();
            types[i] = deliveries.get(i).event().orElseThrow().type();
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(MARK_PROCESSED)) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("text", ids));
                insert.setArray(3, connection.createArrayOf("text", types));
                Set<String> inserted = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(rows.getString(1));
                    }
                }
                return inserted;
            }
        });
    }

    private void sendPoisonToDeadLetters(List<Delivery> deliveries) {
        for (Delivery delivery : deliveries) {
            delivery.poison().ifPresent(reason -> {
                untilDone(() -> deadLetters.send(delivery.record(), reason), "dead letter " + where(delivery.record()));
                count(delivery.record().topic(), "dead-lettered", 1);
            });
        }
    }

    /**
     * Runs the step until it succeeds, pausing between attempts while its failure is transient. A failure of
     * a service that is stopping (its connection pool or persistence unit closing under it) is neither
     * transient nor the record's fault: it leaves the batch unacknowledged.
     */
    private void untilDone(Runnable step, String what) {
        Duration pause = config.retryInitialBackoff();
        boolean counted = false;
        try {
            for (int attempt = 1;; attempt++) {
                try {
                    step.run();
                    if (attempt > 1) {
                        LOG.infof("%s went through at attempt %d", what, attempt);
                    }
                    return;
                } catch (Stopped stopped) {
                    throw stopped;
                } catch (RuntimeException failure) {
                    if (stopping) {
                        throw new Stopped();
                    }
                    if (!TransientFailures.isTransient(failure)) {
                        throw failure;
                    }
                    if (!counted) {
                        waiting.incrementAndGet();
                        counted = true;
                    }
                    meters.counter("smarketing.inbox.retries").increment();
                    if (attempt == 1 || attempt % LOG_EVERY == 0) {
                        LOG.warnf("Attempt %d at %s failed (%s); trying again in %d ms, and for as long as it fails so",
                                attempt, what, TransientFailures.describe(failure), pause.toMillis());
                    }
                    pauseFor(pause);
                    pause = min(pause.multipliedBy(2), config.retryMaxBackoff());
                }
            }
        } finally {
            if (counted) {
                waiting.decrementAndGet();
            }
        }
    }

    private CompletionStage<Void> leftForTheNextConsumer(int records) {
        // Neither acked nor nacked: its offsets are not committed, so the group hands the records out again.
        if (leftAny.compareAndSet(false, true)) {
            LOG.infof("Stopping: %d records, and any the connector still hands over, are left for the next consumer",
                    records);
        } else {
            LOG.debugf("Stopping: %d more records left for the next consumer", records);
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Sleeps in short steps, so a service that is stopping does not wait out a long pause. */
    private void pauseFor(Duration pause) {
        long until = System.nanoTime() + pause.toNanos();
        try {
            while (!stopping && System.nanoTime() < until) {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
        if (stopping) {
            throw new Stopped();
        }
    }

    /** A record and what became of it: decoded, skipped as an unknown type, or poison with its reason. */
    private static final class Delivery {
        private final ConsumerRecord<String, byte[]> record;
        private final Optional<IncomingEvent> event;
        private Throwable poison;

        private Delivery(ConsumerRecord<String, byte[]> record, Optional<IncomingEvent> event, Throwable poison) {
            this.record = record;
            this.event = event;
            this.poison = poison;
        }

        ConsumerRecord<String, byte[]> record() {
            return record;
        }

        Optional<IncomingEvent> event() {
            return poison == null ? event : Optional.empty();
        }

        Optional<Throwable> poison() {
            return Optional.ofNullable(poison);
        }

        void poison(Throwable reason) {
            poison = reason;
        }
    }

    private static Delivery decode(KafkaRecord<String, byte[]> message) {
        ConsumerRecord<String, byte[]> record = recordOf(message);
        try {
            Optional<IncomingEvent> event = CloudEventRecord.decode(record);
            if (event.isEmpty()) {
                LOG.debugf("Skipped %s: an event type this build does not know", where(record));
            }
            return new Delivery(record, event, null);
        } catch (RuntimeException poison) {
            LOG.errorf("%s cannot be decoded (%s); it goes to the dead-letter topic", where(record), poison.getMessage());
            return new Delivery(record, Optional.empty(), poison);
        }
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, byte[]> recordOf(KafkaRecord<String, byte[]> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> (ConsumerRecord<String, byte[]>) metadata.getRecord())
                .orElseThrow(() -> new IllegalArgumentException("The inbox takes records consumed from Kafka"));
    }

    private static String where(ConsumerRecord<String, byte[]> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void count(String topic, String outcome, int events) {
        meters.counter("smarketing.inbox.events", "topic", topic, "outcome", outcome).increment(events);
    }

    /** The service is stopping: what is not committed stays unacknowledged. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
