package io.smarketing.leads.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.smarketing.events.ActivityKind;

/** Prospect activity as reported ({@code engagement_activity}): each external id once. */
@ApplicationScoped
public class ActivityRepository {

    private final EntityManager entityManager;

    ActivityRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Stores the activity unless its external id is known; true when it was stored. Two requests with the
     * same id at once meet on the primary key: the second waits for the first to commit, then stores nothing.
     */
    public boolean insertIfNew(String externalId, UUID leadId, ActivityKind kind, int points, Instant occurredAt,
            Instant recordedAt, String by) {
        return entityManager.createNativeQuery("""
                insert into engagement_activity (external_id, lead_id, kind, points, occurred_at, recorded_at, by_user)
                values (:id, :lead, :kind, :points, :occurred, :recorded, :by)
                on conflict (external_id) do nothing""")
                .setParameter("id", externalId)
                .setParameter("lead", leadId)
                .setParameter("kind", kind.name())
                .setParameter("points", points)
                .setParameter("occurred", occurredAt)
                .setParameter("recorded", recordedAt)
                .setParameter("by", by)
                .executeUpdate() == 1;
    }
}
