package io.smarketing.leads.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.smarketing.events.LeadSlaBreached;
import io.smarketing.leads.config.LeadsConfig;
import io.smarketing.leads.domain.Lead;
import io.smarketing.leads.persistence.LeadRepository;

/**
 * Reports assigned MQLs nobody accepted or rejected by their {@code slaDueAt}, exactly once per assignment.
 *
 * <p>One statement claims the overdue leads by setting {@code sla_breached_at}, in the same transaction as
 * their outbox rows: the mark and the event commit together or not at all, so a crash or restart never
 * loses or repeats one. {@code FOR UPDATE SKIP LOCKED} lets replicas run the job at the same time without
 * waiting on or claiming each other's rows, and the version bump makes a transition racing with the claim
 * a 409 to retry rather than a lost update.
 */
@ApplicationScoped
public class SlaMonitor {

    static final String SYSTEM = "system";

    private final EntityManager entityManager;
    private final LeadRepository leads;
    private final LeadHistory history;
    private final LeadsConfig config;
    private final Clock clock;

    SlaMonitor(EntityManager entityManager, LeadRepository leads, LeadHistory history, LeadsConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.leads = leads;
        this.history = history;
        this.config = config;
        this.clock = clock;
    }

    /** Reports every breach due now, a batch per transaction; returns how many it reported. */
    public int reportAllDue() {
        int total = 0;
        int reported;
        do {
            reported = reportDue(Instant.now(clock));
            total += reported;
        } while (reported == config.slaBatchSize());
        return total;
    }

    /** Claims and reports up to one batch of assignments overdue at {@code now}. */
    @Transactional
    public int reportDue(Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> claimed = entityManager.createNativeQuery("""
                with claimed as (
                    update lead set sla_breached_at = :now, version = version + 1
                    where id in (
                        select id from lead
                        where stage = 'MQL' and owner_id is not null and sla_breached_at is null and sla_due_at <= :now
                        order by sla_due_at
                        limit :batch
                        for update skip locked)
                    returning id)
                select id from claimed""", UUID.class)
                .setParameter("now", now)
                .setParameter("batch", config.slaBatchSize())
                .getResultList();
        if (claimed.isEmpty()) {
            return 0;
        }
        for (Lead lead : leads.list("id in ?1", claimed)) {
            history.record(new LeadSlaBreached(lead.id(), lead.campaignId(), lead.stage(), lead.ownerId(),
                    lead.slaDueAt(), SYSTEM, now));
        }
        return claimed.size();
    }
}
