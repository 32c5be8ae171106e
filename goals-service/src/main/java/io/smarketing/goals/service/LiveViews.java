package io.smarketing.goals.service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smarketing.goals.domain.SharedView;
import io.smarketing.goals.domain.ViewFilter;

/**
 * The current view per filter, computed once per change however many read it: plain reads and the live
 * streams of one filter share the view computed after the latest change. Computing a view reads the rollups
 * and partial days of its window and every goal's progress, so fifty open dashboards or a hundred reads a
 * second must not mean as many computations.
 */
@ApplicationScoped
public class LiveViews {

    /** How long a view may be reused without a change: goal progress moves with time, not only with events. */
    static final Duration MAX_AGE = Duration.ofSeconds(1);
    /** Distinct filters remembered at once; streams with unusual filters just compute again. */
    static final int MAX_FILTERS = 64;

    private final ViewService views;
    private final ViewChanges changes;
    private final Counter computations;
    private final LongSupplier nanoTime;
    private final Map<ViewFilter, Latest> latest = new ConcurrentHashMap<>();

    @Inject
    LiveViews(ViewService views, ViewChanges changes, MeterRegistry meters) {
        this(views, changes, meters, System::nanoTime);
    }

    LiveViews(ViewService views, ViewChanges changes, MeterRegistry meters, LongSupplier nanoTime) {
        this.views = views;
        this.changes = changes;
        this.computations = meters.counter("smarketing.view.computations");
        this.nanoTime = nanoTime;
    }

    /**
     * The view for the filter as of the latest change this instance heard of. After a change, callers wait for
     * the one computation that includes it. A view that is only older than {@link #MAX_AGE} is refreshed by one
     * caller while the others keep getting it: time alone moves goal progress by seconds' worth, which is not
     * worth making every reader wait for a computation.
     */
    public SharedView current(ViewFilter filter) {
        if (latest.size() > MAX_FILTERS) {
            latest.clear();
        }
        Latest entry = latest.computeIfAbsent(filter, key -> new Latest());
        long generation;
        synchronized (entry) {
            // read before computing: a change during the computation makes the next caller compute again
            generation = changes.generation();
            if (entry.view == null || entry.generation != generation) {
                return update(entry, views.viewNow(filter), generation);
            }
            if (nanoTime.getAsLong() - entry.computedAt <= MAX_AGE.toNanos() || entry.refreshing) {
                return entry.view;
            }
            entry.refreshing = true;
        }
        try {
            SharedView view = views.viewNow(filter);
            synchronized (entry) {
                // a caller that saw a newer change has put a newer view in meanwhile
                return entry.generation == generation ? update(entry, view, generation) : entry.view;
            }
        } finally {
            synchronized (entry) {
                entry.refreshing = false;
            }
        }
    }

    private SharedView update(Latest entry, SharedView computed, long generation) {
        entry.view = computed;
        entry.generation = generation;
        entry.computedAt = nanoTime.getAsLong();
        computations.increment();
        return computed;
    }

    private static final class Latest {
        SharedView view;
        long generation;
        long computedAt;
        boolean refreshing;
    }
}
