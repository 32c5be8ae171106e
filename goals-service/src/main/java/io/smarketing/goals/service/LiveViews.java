package io.smarketing.goals.service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

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
    private final Map<ViewFilter, Latest> latest = new ConcurrentHashMap<>();

    LiveViews(ViewService views, ViewChanges changes, MeterRegistry meters) {
        this.views = views;
        this.changes = changes;
        this.computations = meters.counter("smarketing.view.computations");
    }

    /** The view for the filter as of the latest change this instance heard of. */
    public SharedView current(ViewFilter filter) {
        if (latest.size() > MAX_FILTERS) {
            latest.clear();
        }
        Latest entry = latest.computeIfAbsent(filter, key -> new Latest());
        synchronized (entry) {
            // read before computing: a change during the computation makes the next caller compute again
            long generation = changes.generation();
            long now = System.nanoTime();
            if (entry.view == null || entry.generation != generation || now - entry.computedAt > MAX_AGE.toNanos()) {
                entry.view = views.viewNow(filter);
                entry.generation = generation;
                entry.computedAt = now;
                computations.increment();
            }
            return entry.view;
        }
    }

    private static final class Latest {
        SharedView view;
        long generation;
        long computedAt;
    }
}
