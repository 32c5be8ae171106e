package io.smarketing.chassis.messaging;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * The idempotent inbox every consumer hands its messages to.
 * <ul>
 * <li>Each attempt is one transaction holding the handler's effect and the {@code ce_id} recorded in
 * {@code processed_event}, so they commit or roll back together and a redelivered or replayed event has no
 * second effect.</li>
 * <li>A transient failure (the database unreachable, a lock conflict) is tried again, with a growing pause,
 * for as long as it lasts. The message waits meanwhile and so do the ones behind it, which keeps each
 * aggregate's events in order: an outage delays the events, it does not divert them.</li>
 * <li>Any other failure is one that every attempt would repeat: the message is nacked, the connector puts
 * it on the service's dead-letter topic and the consumer goes on.</li>
 * </ul>
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
    /** How often a long retry is logged again, in attempts. */
    private static final int LOG_EVERY = 10;

    private final EntityManager entityManager;
    private final MeterRegistry meters;
    private final InboxConfig config;
    private final AtomicInteger waiting;
    private volatile boolean stopping;

    Inbox(EntityManager entityManager, MeterRegistry meters, InboxConfig config) {
        this.entityManager = entityManager;
        this.meters = meters;
        this.config = config;
        this.waiting = meters.gauge("smarketing.inbox.waiting", new AtomicInteger());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /**
     * Decodes the message and hands it to the handler unless this consumer has processed its id before, then
     * acknowledges it. The handler runs in the inbox's transaction.
     *
     * @return the acknowledgement, which a consumer method returns to the connector
     */
    public CompletionStage<Void> deliver(Message<byte[]> message, Consumer<IncomingEvent> handler) {
        ConsumerRecord<String, byte[]> record = recordOf(message);
        try {
            count(record, processUntilDone(record, handler));
            return message.ack();
        } catch (StoppedWaiting stopped) {
            // Neither acked nor nacked: its offset is not committed, so the group hands it out again.
            LOG.infof("Stopping: %s is left for the next consumer", where(record));
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException failure) {
            LOG.errorf(failure, "%s cannot be processed; it goes to the dead-letter topic", where(record));
            count(record, "dead-lettered");
            return message.nack(failure);
        }
    }

    private String processUntilDone(ConsumerRecord<String, byte[]> record, Consumer<IncomingEvent> handler) {
        Duration pause = config.retryInitialBackoff();
        boolean counted = false;
        try {
            for (int attempt = 1;; attempt++) {
                try {
                    String outcome = QuarkusTransaction.requiringNew().call(() -> processOnce(record, handler));
                    if (attempt > 1) {
                        LOG.infof("%s went through at attempt %d", where(record), attempt);
                    }
                    return outcome;
                } catch (RuntimeException failure) {
                    if (!TransientFailures.isTransient(failure)) {
                        throw failure;
                    }
                    if (!counted) {
                        waiting.incrementAndGet();
                        counted = true;
                    }
                    meters.counter("smarketing.inbox.retries", "topic", record.topic()).increment();
                    if (attempt == 1 || attempt % LOG_EVERY == 0) {
                        LOG.warnf("Attempt %d at %s failed (%s); trying again in %d ms, and for as long as it fails so",
                                attempt, where(record), rootMessage(failure), pause.toMillis());
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

    /** One attempt in its own transaction; returns the outcome for the metrics. */
    private String processOnce(ConsumerRecord<String, byte[]> record, Consumer<IncomingEvent> handler) {
        var decoded = CloudEventRecord.decode(record);
        if (decoded.isEmpty()) {
            LOG.debugf("Skipped %s: an event type this build does not know", where(record));
            return "unknown-type";
        }
        IncomingEvent event = decoded.get();
        if (!markProcessed(event)) {
            LOG.debugf("Already processed event %s (%s): skipped", event.id(), event.type());
            return "duplicate";
        }
        handler.accept(event);
        return "processed";
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

    /** Sleeps in short steps, so a service that is stopping does not wait out a long pause. */
    private void pauseFor(Duration pause) {
        long until = System.nanoTime() + pause.toNanos();
        try {
            while (!stopping && System.nanoTime() < until) {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoppedWaiting();
        }
        if (stopping) {
            throw new StoppedWaiting();
        }
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, byte[]> recordOf(Message<byte[]> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> (ConsumerRecord<String, byte[]>) metadata.getRecord())
                .orElseThrow(() -> new IllegalArgumentException("The inbox takes messages consumed from Kafka"));
    }

    private static String where(ConsumerRecord<String, byte[]> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void count(ConsumerRecord<String, byte[]> record, String outcome) {
        meters.counter("smarketing.inbox.events", "topic", record.topic(), "outcome", outcome).increment();
    }

    /** The service stopped while a message waited for a transient failure to pass. */
    private static final class StoppedWaiting extends RuntimeException {
        StoppedWaiting() {
            super(null, null, false, false);
        }
    }
}
