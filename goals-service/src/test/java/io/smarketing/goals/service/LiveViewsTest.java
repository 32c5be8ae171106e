package io.smarketing.goals.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smarketing.goals.domain.SharedView;
import io.smarketing.goals.domain.ViewFilter;

/** When readers wait for a computation of the view, and when they are served the current one meanwhile. */
class LiveViewsTest {

    private static final ViewFilter ALL = new ViewFilter(null, null, null);

    private final AtomicLong now = new AtomicLong();
    private final ViewChanges changes = new ViewChanges();
    private final CountingViews views = new CountingViews();
    private final LiveViews live = new LiveViews(views, changes, new SimpleMeterRegistry(), now::get);

    @Test
    void readsWithinTheMaxAgeAndNoChangeShareOneComputation() {
        SharedView first = live.current(ALL);
        now.addAndGet(LiveViews.MAX_AGE.toNanos());
        assertSame(first, live.current(ALL));
        assertEquals(1, views.computed.get());
    }

    @Test
    void afterAChangeTheNextReadWaitsForTheViewThatIncludesIt() {
        SharedView first = live.current(ALL);
        changes.signal();
        SharedView second = live.current(ALL);
        assertEquals(2, views.computed.get());
        assertEquals(2, second.conflicts(), "the second computation's view");
        assertEquals(1, first.conflicts());
    }

    @Test
    void anAgedViewIsRefreshedByOneReaderWhileTheOthersAreServedTheCurrentOne() throws Exception {
        SharedView first = live.current(ALL);
        now.addAndGet(LiveViews.MAX_AGE.toNanos() + 1);
        views.holdNext();
        CompletableFuture<SharedView> refreshing = CompletableFuture.supplyAsync(() -> live.current(ALL));
        views.awaitHeld();
        // the refresh is under way and stuck: these reads must not wait for it
        for (int i = 0; i < 3; i++) {
            assertSame(first, live.current(ALL));
        }
        views.release();
        SharedView refreshed = refreshing.get(10, TimeUnit.SECONDS);
        assertEquals(2, refreshed.conflicts());
        assertSame(refreshed, live.current(ALL));
        assertEquals(2, views.computed.get(), "one refresh for four readers of the aged view");
    }

    /** A view service that numbers its computations (in {@code conflicts}) and can hold one back. */
    private static final class CountingViews extends ViewService {

        final AtomicInteger computed = new AtomicInteger();
        private volatile CountDownLatch held = new CountDownLatch(0);
        private volatile CountDownLatch release = new CountDownLatch(0);

        CountingViews() {
            super(null, null, null, null, "JPY", null);
        }

        void holdNext() {
            held = new CountDownLatch(1);
            release = new CountDownLatch(1);
        }

        void awaitHeld() throws InterruptedException {
            if (!held.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the refresh did not start");
            }
        }

        void release() {
            release.countDown();
        }

        @Override
        public SharedView viewNow(ViewFilter filter) {
            int number = computed.incrementAndGet();
            held.countDown();
            try {
                if (!release.await(10, TimeUnit.SECONDS)) {
                    throw new AssertionError("held computation never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return new SharedView(null, null, "JPY", null, null, null, List.of(), List.of(), null, number, List.of(),
                    null, null);
        }
    }
}
