package io.smarketing.feedback.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.smarketing.chassis.persistence.StatementBatch;
import io.smarketing.feedback.domain.LeadOutcome;

/**
 * What feedback-service keeps from lead events: each lead's source campaign and why it was rejected or lost.
 * Writes are upserts, so they work whatever the order events and rounds come in; they are collected in the
 * transaction's {@link StatementBatch} and sent by {@link #flush()}, once per consumer batch.
 */
@ApplicationScoped
public class LeadFactRepository {

    private final EntityManager entityManager;
    private final StatementBatch statements;

    LeadFactRepository(EntityManager entityManager, StatementBatch statements) {
        this.entityManager = entityManager;
        this.statements = statements;
    }

    /** Sends the writes collected in this transaction (a consumer batch's) to the database. */
    public void flush() {
        statements.flush();
    }

    /** A lead that lead events named, with its source campaign (null: none); the first campaign named stays. */
    public void rememberLead(UUID leadId, UUID campaignId) {
        statements.add("""
                insert into lead_campaign (lead_id, campaign_id) values (?, ?)
                on conflict (lead_id) do update set campaign_id = excluded.campaign_id
                 where lead_campaign.campaign_id is null and excluded.campaign_id is not null""", leadId, campaignId);
    }

    /** A lead feedback-service knows of: its id and its source campaign, or null. */
    public record KnownLead(UUID id, UUID campaignId) {
    }

    /** The lead, locked until the transaction ends (so two CSATs for it are recorded one after the other). */
    public Optional<KnownLead> lockLead(UUID leadId) {
        List<?> found = entityManager.createNativeQuery(
                "select campaign_id from lead_campaign where lead_id = :lead for update")
                .setParameter("lead", leadId)
                .getResultList();
        return found.isEmpty() ? Optional.empty() : Optional.of(new KnownLead(leadId, (UUID) found.get(0)));
    }

    /**
     * Records a lead's rejection or loss. A lead counts once per outcome, with its latest reason: a lead
     * rejected again after re-qualification replaces its earlier reason, and an older event never
     * overwrites a newer one.
     */
    public void recordOutcome(UUID leadId, LeadOutcome outcome, UUID campaignId, String reason, Instant at) {
        statements.add("""
                insert into lead_outcome (lead_id, outcome, campaign_id, reason, occurred_at)
                values (?, ?, ?, ?, ?)
                on conflict (lead_id, outcome) do update
                   set campaign_id = excluded.campaign_id, reason = excluded.reason, occurred_at = excluded.occurred_at
                 where lead_outcome.occurred_at <= excluded.occurred_at""",
                leadId, outcome.name(), campaignId, reason, at);
    }

    /** How many of the campaign's leads ended in the outcome, per reason. */
    public Map<String, Long> reasonCounts(UUID campaignId, LeadOutcome outcome) {
        List<?> rows = entityManager.createNativeQuery("""
                select reason, count(*) from lead_outcome
                where campaign_id = :campaign and outcome = :outcome
                group by reason""")
                .setParameter("campaign", campaignId)
                .setParameter("outcome", outcome.name())
                .getResultList();
        return rows.stream().map(Object[].class::cast)
                .collect(Collectors.toMap(row -> (String) row[0], row -> ((Number) row[1]).longValue()));
    }
}
