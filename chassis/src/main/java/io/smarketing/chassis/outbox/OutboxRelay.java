package io.smarketing.chassis.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smarketing.chassis.messaging.CloudEventRecord;
import io.smarketing.chassis.messaging.Producers;

/**
 * Publishes outbox rows to Kafka in id order, and marks a row sent only after the broker acknowledged it
 * (acks=all, idempotent producer). It runs on its own thread: woken right after a commit that wrote rows,
 * and polling for rows a crash or an outage left behind. While the broker is down rows simply wait.
 *
 * <p>No transaction is open while it waits for the broker: rows are read, sent, and the acknowledged ones
 * marked in one bulk update, each statement on its own. Replicas: the relay that holds a session-level
 * PostgreSQL advisory lock on its own connection is the one that publishes, so rows keep their order and are
 * not sent twice by two relays; the lock blocks no reader or writer, and a relay whose connection dies loses it
 * to the next. Deleting old published rows runs on a thread of its own.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key: "OUTBOX" in ASCII; the lock is per database, so per service. */
    private static final long PUBLISHER_LOCK = 0x4F5554424F58L;

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final Map<String, Object> kafkaConfig;
    private final String source;
    private final Counter published;
    private final Counter failedRounds;
    private final Semaphore wakeUps = new Semaphore(0);

    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, byte[]> producer;
    private ScheduledExecutorService cleanup;
    /** The connection whose session holds the publisher's lock; only the relay's thread touches it. */
    private Connection leader;

    OutboxRelay(AgroalDataSource dataSource, OutboxConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "quarkus.application.name") String serviceName, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.source = CloudEventRecord.source(serviceName);
        this.published = meters.counter("smarketing.outbox.published");
        this.failedRounds = meters.counter("smarketing.outbox.failed.rounds");
    }

    void start(@Observes StartupEvent startup) {
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled on this instance");
            return;
        }
        cleanup = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-cleanup");
            thread.setDaemon(true);
            return thread;
        });
        cleanup.scheduleWithFixedDelay(this::deleteOldRows, 1, 10, TimeUnit.MINUTES);
        producer = Producers.reliable(kafkaConfig, "outbox-relay-" + source.substring(source.lastIndexOf('/') + 1),
                config.sendTimeout());
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Lets the round in flight finish, so nothing acknowledged stays unmarked, then closes the producer. */
    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (worker == null) {
            return;
        }
        running = false;
        wakeUps.release();
        cleanup.shutdownNow();
        worker.join(config.sendTimeout().toMillis() + 1000);
        producer.close(Duration.ofSeconds(5));
    }

    /** Asks for a publishing round now; cheap, may be called from any thread. */
    public void wake() {
        wakeUps.release();
    }

    private void run() {
        while (running) {
            try {
                wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                while (running && publishRound() == config.batchSize()) {
                    // a full batch: more rows are probably waiting
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failedRounds.increment();
                releaseLeadership();
                LOG.warnf("Outbox relay round failed, rows stay pending and are retried in %s: %s",
                        config.retryBackoff(), e.toString());
                pause(config.retryBackoff());
            }
        }
        releaseLeadership();
    }

    /** One round: read pending rows in order, send, wait for acks, mark the acknowledged prefix in one update. */
    int publishRound() throws SQLException, InterruptedException, ExecutionException, TimeoutException {
        Connection connection = leadership();
        if (connection == null) {
            return 0;
        }
        List<PendingRow> rows = pendingRows(connection);
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (PendingRow row : rows) {
            acks.add(producer.send(row.toRecord(source)));
        }
        List<Long> sent = new ArrayList<>(rows.size());
        Exception failure = awaitAcks(rows, acks, sent);
        markSent(connection, sent);
        published.increment(sent.size());
        if (failure != null) {
            throw new ExecutionException("Broker did not acknowledge outbox row", failure);
        }
        return rows.size();
    }

    /**
     * The connection holding the publisher's lock, or null while another relay of this service holds it. The
     * connection stays open between rounds; it is let go after a failure, and the lock with it.
     */
    private Connection leadership() throws SQLException {
        if (leader != null) {
            return leader;
        }
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            if (tryLock(connection)) {
                leader = connection;
                LOG.debugf("This instance publishes the outbox");
                return leader;
            }
            connection.close();
            return null;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private void releaseLeadership() {
        if (leader == null) {
            return;
        }
        try {
            // Closing returns the connection to the pool, which keeps the session: unlock first.
            try (PreparedStatement unlock = leader.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, PUBLISHER_LOCK);
                unlock.execute();
            }
        } catch (SQLException e) {
            LOG.debugf("Could not unlock the publisher's lock (its session is probably gone): %s", e.getMessage());
        }
        try {
            leader.close();
        } catch (SQLException e) {
            LOG.debugf("Could not close the publisher's connection: %s", e.getMessage());
        } finally {
            leader = null;
        }
    }

    /** Collects the ids acknowledged in order, stopping at the first failure: the rest are resent later. */
    private Exception awaitAcks(List<PendingRow> rows, List<Future<RecordMetadata>> acks, List<Long> sent)
            throws InterruptedException {
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (int i = 0; i < rows.size(); i++) {
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sent.add(rows.get(i).id());
            } catch (ExecutionException | TimeoutException e) {
                return e;
            }
        }
        return null;
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            lock.setLong(1, PUBLISHER_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private List<PendingRow> pendingRows(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select id, event_id, topic, record_key, ce_type, ce_time, payload::text
                from outbox_event where published_at is null order by id limit ?""")) {
            select.setInt(1, config.batchSize());
            try (ResultSet result = select.executeQuery()) {
                List<PendingRow> rows = new ArrayList<>();
                while (result.next()) {
                    rows.add(new PendingRow(result.getLong(1), result.getString(2), result.getString(3),
                            result.getString(4), result.getString(5), result.getTimestamp(6).toInstant(),
                            result.getString(7).getBytes(StandardCharsets.UTF_8)));
                }
                return rows;
            }
        }
    }

    private void markSent(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_event set published_at = now() where id = any(?)")) {
            update.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            update.executeUpdate();
        }
    }

    /** Deletes published rows past their retention, a bounded chunk per statement so no delete runs long. */
    private void deleteOldRows() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("""
                        delete from outbox_event where id in (
                            select id from outbox_event where published_at < ? order by id limit 10000)""")) {
            connection.setAutoCommit(true);
            delete.setTimestamp(1, Timestamp.from(Instant.now().minus(config.retention())));
            int deleted;
            int total = 0;
            do {
                deleted = delete.executeUpdate();
                total += deleted;
            } while (deleted > 0 && running);
            if (total > 0) {
                LOG.debugf("Deleted %d published outbox rows older than %s", total, config.retention());
            }
        } catch (SQLException e) {
            LOG.debugf("Outbox cleanup failed, tried again later: %s", e.getMessage());
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record PendingRow(long id, String eventId, String topic, String key, String type, Instant time,
            byte[] payload) {

        ProducerRecord<String, byte[]> toRecord(String source) {
            return CloudEventRecord.toRecord(topic, eventId, source, type, key, time, payload);
        }
    }
}
