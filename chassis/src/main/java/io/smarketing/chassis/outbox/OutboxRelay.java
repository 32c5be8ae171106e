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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smarketing.chassis.messaging.CloudEventRecord;

/**
 * Publishes outbox rows to Kafka in id order, and marks a row sent only after the broker acknowledged it
 * (acks=all, idempotent producer). It runs on its own thread: woken right after a commit that wrote rows,
 * and polling for rows a crash or an outage left behind. While the broker is down rows simply wait.
 *
 * <p>Replicas: a PostgreSQL advisory lock held for a publishing round lets only one instance of a service
 * publish at a time, so rows keep their order and are not sent twice by two relays.
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
    private Instant nextCleanup = Instant.EPOCH;

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
        producer = new KafkaProducer<>(producerConfig());
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
                deleteOldRows();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failedRounds.increment();
                LOG.warnf("Outbox relay round failed, rows stay pending and are retried in %s: %s",
                        config.retryBackoff(), e.toString());
                pause(config.retryBackoff());
            }
        }
    }

    /** One round: lock, read pending rows in order, send, wait for acks, mark the acknowledged prefix. */
    int publishRound() throws SQLException, InterruptedException, ExecutionException, TimeoutException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryLock(connection)) {
                    connection.rollback();
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
                connection.commit();
                published.increment(sent.size());
                if (failure != null) {
                    throw new ExecutionException("Broker did not acknowledge outbox row", failure);
                }
                return rows.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
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
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
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

    private void deleteOldRows() throws SQLException {
        if (Instant.now().isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = Instant.now().plus(Duration.ofMinutes(10));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from outbox_event where published_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(Instant.now().minus(config.retention())));
            int deleted = delete.executeUpdate();
            if (deleted > 0) {
                LOG.debugf("Deleted %d published outbox rows older than %s", deleted, config.retention());
            }
        }
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> producerConfig = new HashMap<>(kafkaConfig);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + source.substring(source.lastIndexOf('/') + 1));
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // one round sends a batch then waits: lingering would only add latency
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        long timeout = config.sendTimeout().toMillis();
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout, 30_000));
        producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout, 30_000));
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return producerConfig;
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
