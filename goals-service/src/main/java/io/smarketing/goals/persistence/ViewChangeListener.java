package io.smarketing.goals.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smarketing.goals.config.GoalsConfig;
import io.smarketing.goals.service.ViewChanges;

/**
 * Listens for PostgreSQL NOTIFYs of view changes. A change committed by any instance of goals-service
 * (each consumes only some partitions) reaches the live streams of every instance, and a transaction
 * that rolls back notifies nobody. Bursts coalesce: a signal at once, then one more per
 * {@code goals.stream-coalesce} window at most.
 */
@ApplicationScoped
public class ViewChangeListener {

    public static final String CHANNEL = "smarketing_view_changed";
    private static final Logger LOG = Logger.getLogger(ViewChangeListener.class);

    private final String url;
    private final String user;
    private final String password;
    private final GoalsConfig config;
    private final ViewChanges changes;
    private volatile boolean running;
    private Thread worker;

    ViewChangeListener(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "") String password,
            GoalsConfig config, ViewChanges changes) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.config = config;
        this.changes = changes;
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        worker = new Thread(this::run, "view-change-listener");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(2000);
        }
    }

    private void run() {
        while (running) {
            // A dedicated connection: LISTEN belongs to a session, which a pooled connection cannot keep.
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen " + CHANNEL);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(10_000);
                    if (received != null && received.length > 0) {
                        changes.signal();
                        if (absorbBurst(notifications)) {
                            changes.signal();
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("Lost the view change listener's connection, reconnecting: %s", e.getMessage());
                    pause(Duration.ofSeconds(2));
                }
            }
        }
    }

    /**
     * After a signal, waits out the coalescing window and takes the notifications that arrive meanwhile;
     * returns whether any did, so they end in one trailing signal instead of one each.
     */
    private boolean absorbBurst(PGConnection notifications) throws SQLException {
        long deadline = System.nanoTime() + config.streamCoalesce().toNanos();
        boolean more = false;
        long left;
        while ((left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) > 0) {
            PGNotification[] received = notifications.getNotifications((int) left);
            more |= received != null && received.length > 0;
        }
        return more;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
