package io.smarketing.goals.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.goals.persistence.Projections.LeadChange;
import io.smarketing.testing.RealInfrastructure;

/**
 * Consumers of different partitions (a rebuild's three, or two replicas) write batches at the same time, and
 * their leads name the same campaigns: the batches wait for each other, and neither fails on a deadlock.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ConcurrentBatchesTest {

    private static final int ROUNDS = 3;
    private static final int CAMPAIGNS = 2000;

    @Inject
    Projections projections;

    @Inject
    EntityManager entityManager;

    @Test
    void batchesNamingTheSameNewCampaignsInOppositeOrdersBothCommit() throws Exception {
        ExecutorService consumers = Executors.newFixedThreadPool(2);
        List<UUID> all = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<UUID> campaigns = Stream.generate(UUID::randomUUID).limit(CAMPAIGNS).toList();
                List<UUID> reversed = new ArrayList<>(campaigns);
                Collections.reverse(reversed);
                all.addAll(campaigns);
                CyclicBarrier flushTogether = new CyclicBarrier(2);
                Future<?> one = consumers.submit(() -> batch(campaigns, flushTogether));
                Future<?> other = consumers.submit(() -> batch(reversed, flushTogether));
                // A deadlock would end one of them with PostgreSQL's 40P01.
                one.get(60, TimeUnit.SECONDS);
                other.get(60, TimeUnit.SECONDS);
            }
        } finally {
            consumers.shutdownNow();
        }
        long rows = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from campaign_fact where campaign_id = any(cast(:ids as uuid[]))")
                .setParameter("ids", all.stream().map(UUID::toString).toArray(String[]::new)).getSingleResult()).longValue());
        assertEquals(ROUNDS * CAMPAIGNS, rows, "one row per campaign");
    }

    /** One consumer batch: a lead of each campaign, in the given order, written once both batches are ready. */
    private Void batch(List<UUID> campaigns, CyclicBarrier flushTogether) throws Exception {
        QuarkusTransaction.requiringNew().call(() -> {
            for (UUID campaign : campaigns) {
                projections.lead(LeadChange.of(UUID.randomUUID(), campaign, Instant.now()));
            }
            flushTogether.await(30, TimeUnit.SECONDS);
            projections.flush();
            return null;
        });
        return null;
    }
}
