package io.smarketing.goals.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.smarketing.events.GoalStatus;

/**
 * The status each goal was last seen in, apart from the goal's own row so evaluating never moves the
 * version a client edits against.
 */
@ApplicationScoped
public class GoalStatusRepository {

    private final EntityManager entityManager;

    GoalStatusRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records {@code status} for the goal; true only for the one caller that changed it. The conditional
     * upsert takes the row's lock, and a concurrent evaluation (another replica) that waited on it re-reads
     * the new status and changes nothing, so each change of status is announced once.
     */
    public boolean changeTo(UUID goalId, GoalStatus status, Instant now) {
        return !entityManager.createNativeQuery("""
                insert into goal_status (goal_id, status, observed_at) values (:goal, :status, :now)
                on conflict (goal_id) do update set status = excluded.status, observed_at = excluded.observed_at
                where goal_status.status <> excluded.status
                returning goal_id""")
                .setParameter("goal", goalId)
                .setParameter("status", status.name())
                .setParameter("now", now)
                .getResultList().isEmpty();
    }
}
