package io.smarketing.chassis.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps {@code processed_event} bounded: ids older than {@code smarketing.inbox.dedupe-retention} are deleted.
 * That is safe because an id is only needed again when its record comes again, and a record comes again only
 * (1) when a consumer stopped after applying it and before its batch's offsets were committed — seconds — or
 * (2) when {@code ./smarketing dead-letters --replay} sends another consumer's letter back to its topic; the
 * dead-letter topics keep letters for 30 days, and the default retention of 45 days leaves 15 days for a
 * consumer that dead-letters an event long after the others processed it.
 */
@ApplicationScoped
public class DedupeRetention {

    private static final Logger LOG = Logger.getLogger(DedupeRetention.class);
    private static final int CHUNK = 10_000;

    private final AgroalDataSource dataSource;
    private final InboxConfig config;
    private ScheduledExecutorService pruning;

    DedupeRetention(AgroalDataSource dataSource, InboxConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        pruning = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "inbox-dedupe-retention");
            thread.setDaemon(true);
            return thread;
        });
        pruning.scheduleWithFixedDelay(this::prune, 1, 60, TimeUnit.MINUTES);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (pruning != null) {
            pruning.shutdownNow();
        }
    }

    /** Deletes ids past the retention, a chunk per statement so no delete holds locks for long; returns how many. */
    public int prune() {
        int total = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("""
                        delete from processed_event where (consumer, event_id) in (
                            select consumer, event_id from processed_event where processed_at < ? limit ?)""")) {
            connection.setAutoCommit(true);
            delete.setTimestamp(1, Timestamp.from(Instant.now().minus(config.dedupeRetention())));
            delete.setInt(2, CHUNK);
            int deleted;
            do {
                deleted = delete.executeUpdate();
                total += deleted;
            } while (deleted == CHUNK && !Thread.currentThread().isInterrupted());
            if (total > 0) {
                LOG.infof("Pruned %d processed event ids older than %s", total, config.dedupeRetention());
            }
        } catch (SQLException e) {
            LOG.warnf("Pruning processed event ids failed, tried again in an hour: %s", e.getMessage());
        }
        return total;
    }
}
