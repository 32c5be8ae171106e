package io.smarketing.chassis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.chassis.messaging.DedupeRetention;
import io.smarketing.testing.RealInfrastructure;

/** processed_event does not grow without bound: ids past the retention go, younger ones stay. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class DedupeRetentionTest {

    @Inject
    DedupeRetention retention;

    @Inject
    ProbeDatabase database;

    @Inject
    EntityManager entityManager;

    @Test
    void idsOlderThanTheRetentionArePrunedAndYoungerOnesKept() {
        String old = UUID.randomUUID().toString();
        String young = UUID.randomUUID().toString();
        insert(old, "46 days");
        insert(young, "44 days");

        assertTrue(retention.prune() >= 1);
        assertEquals(0, database.processed(old));
        assertEquals(1, database.processed(young));
    }

    private void insert(String eventId, String age) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into processed_event (consumer, event_id, ce_type, processed_at)
                values ('events', :id, 'io.smarketing.lead.created.v1', now() - cast(:age as interval))""")
                .setParameter("id", eventId).setParameter("age", age).executeUpdate());
    }
}
