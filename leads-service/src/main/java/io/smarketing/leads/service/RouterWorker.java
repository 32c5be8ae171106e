package io.smarketing.leads.service;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smarketing.leads.config.LeadsConfig;

/**
 * The router's own thread: woken right after a commit that queued an MQL or freed capacity, and otherwise
 * looking every {@code leads.routing.interval} (for an away period that ended, or a change another replica
 * made). Each pass goes over the whole queue in rounds of one transaction each ({@link Router}).
 */
@ApplicationScoped
public class RouterWorker {

    private static final Logger LOG = Logger.getLogger(RouterWorker.class);

    private final Instance<Router> router;
    private final LeadsConfig config;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    RouterWorker(Instance<Router> router, LeadsConfig config) {
        this.router = router;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        worker = new Thread(this::run, "lead-router");
        worker.setDaemon(true);
        worker.start();
    }

    /** Lets the round in flight commit. */
    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (worker == null) {
            return;
        }
        running = false;
        wakeUps.release();
        worker.join(10_000);
    }

    /** Asks for a pass now; cheap, from any thread. */
    public void wake() {
        wakeUps.release();
    }

    private void run() {
        while (running) {
            try {
                wakeUps.tryAcquire(config.routing().interval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                if (running) {
                    pass();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // a lost lock race or the database away: the entries stay queued for the next pass
                LOG.warnf("Routing pass failed, the waiting MQLs stay queued: %s", e.toString());
                pause();
            }
        }
    }

    private void pass() {
        Router rounds = router.get();
        if (!rounds.anyWaiting()) {
            return;
        }
        Set<UUID> full = new HashSet<>();
        long after = 0;
        int assigned = 0;
        Router.Round round;
        do {
            round = rounds.route(after, full);
            after = round.lastSeq();
            assigned += round.assigned();
        } while (round.more() && running);
        if (assigned > 0) {
            LOG.debugf("Routed %d MQL(s)", assigned);
        }
    }

    private void pause() {
        try {
            Thread.sleep(config.routing().interval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
