package io.smarketing.goals.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.smarketing.goals.domain.Funnel;

/**
 * The lead projection. Upserts set flags with {@code or} and times with {@code coalesce}/{@code greatest},
 * so applying a lead's events in any order, or more than once, converges on the same row.
 */
@ApplicationScoped
public class LeadFacts {

    /** The funnel stage an event proves a lead reached. */
    public enum Milestone {
        CREATED(null), ACTIVITY(null), MQL("reached_mql"), SQL("reached_sql"), WON("won"), LOST("lost"), REJECTED("rejected");

        private final String column;

        Milestone(String column) {
            this.column = column;
        }
    }

    private final EntityManager entityManager;

    LeadFacts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void record(UUID leadId, UUID campaignId, Milestone milestone, Instant at) {
        boolean flagged = milestone.column != null;
        entityManager.createNativeQuery("""
                insert into lead_fact (lead_id, campaign_id, created_at, last_event_at%s)
                values (:lead, :campaign, :created, :at%s)
                on conflict (lead_id) do update set
                    campaign_id = coalesce(lead_fact.campaign_id, excluded.campaign_id),
                    created_at = coalesce(lead_fact.created_at, excluded.created_at),
                    last_event_at = greatest(lead_fact.last_event_at, excluded.last_event_at)%s
                """.formatted(flagged ? ", " + milestone.column : "", flagged ? ", true" : "",
                        flagged ? ", " + milestone.column + " = true" : ""))
                .setParameter("lead", leadId)
                .setParameter("campaign", campaignId)
                .setParameter("created", milestone == Milestone.CREATED ? Timestamp.from(at) : null)
                .setParameter("at", Timestamp.from(at))
                .executeUpdate();
    }

    public Funnel funnel() {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                select count(created_at), count(*) filter (where reached_mql), count(*) filter (where reached_sql),
                       count(*) filter (where won), count(*) filter (where lost), count(*) filter (where rejected)
                from lead_fact""").getSingleResult();
        return new Funnel(count(row[0]), count(row[1]), count(row[2]), count(row[3]), count(row[4]), count(row[5]));
    }

    public Instant lastEventAt() {
        return entityManager.createNativeQuery("select max(last_event_at) from lead_fact", Instant.class)
                .getSingleResult() instanceof Instant last ? last : null;
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
