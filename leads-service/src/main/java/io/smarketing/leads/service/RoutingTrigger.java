package io.smarketing.leads.service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.smarketing.chassis.persistence.AfterCommit;
import io.smarketing.events.LeadAccepted;
import io.smarketing.events.LeadAssigned;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadEvent;
import io.smarketing.events.LeadQualified;
import io.smarketing.events.LeadRejected;
import io.smarketing.events.LeadStage;
import io.smarketing.leads.domain.Lead;
import io.smarketing.leads.persistence.RoutingQueue;

/**
 * What routing hears of the lead changes: every lead that becomes an MQL, whatever the path (capture above the
 * threshold, an import, qualify, re-qualification, engagement), joins the routing queue in the transaction
 * that made it an MQL; after the commit of that, or of a change that frees a rep's capacity (an answer, a
 * reassignment), the router is woken at once.
 */
@ApplicationScoped
public class RoutingTrigger {

    private static final Object WAKE_REGISTERED = new Object();

    private final RoutingQueue queue;
    private final RouterWorker worker;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;

    RoutingTrigger(RoutingQueue queue, RouterWorker worker, TransactionSynchronizationRegistry transactions,
            Clock clock) {
        this.queue = queue;
        this.worker = worker;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Transactional(TxType.MANDATORY)
    public void recorded(List<? extends LeadEvent> events) {
        Set<UUID> newMqls = new LinkedHashSet<>();
        boolean wake = false;
        for (LeadEvent event : events) {
            if (becameMql(event)) {
                newMqls.add(event.leadId());
            }
            wake |= newMqls.contains(event.leadId()) || freesCapacity(event);
        }
        queue.enqueue(newMqls, Instant.now(clock));
        if (wake) {
            wakeRouterAfterCommit();
        }
    }

    /** Asks the router to run once this transaction has committed (not at all if it rolls back). */
    @Transactional(TxType.MANDATORY)
    public void wakeRouterAfterCommit() {
        AfterCommit.once(transactions, WAKE_REGISTERED, worker::wake);
    }

    private static boolean becameMql(LeadEvent event) {
        return event instanceof LeadQualified || (event instanceof LeadCreated created && created.stage() == LeadStage.MQL);
    }

    /** A rep's load is their assigned MQLs awaiting an answer: an answer or a person's reassignment lowers one. */
    private static boolean freesCapacity(LeadEvent event) {
        return event instanceof LeadAccepted || event instanceof LeadRejected
                || (event instanceof LeadAssigned assigned && !Lead.ROUTER.equals(assigned.by()));
    }
}
