package io.smarketing.leads.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.smarketing.events.LeadStage;
import io.smarketing.leads.config.LeadsConfig;
import io.smarketing.leads.domain.AssignmentRules;
import io.smarketing.leads.domain.Lead;
import io.smarketing.leads.domain.PoolMember;
import io.smarketing.leads.domain.RoutingRule;
import io.smarketing.leads.persistence.LeadRepository;
import io.smarketing.leads.persistence.RepAwayRepository;
import io.smarketing.leads.persistence.RoutingQueue;
import io.smarketing.leads.persistence.RoutingRuleRepository;

/**
 * Assigns the waiting MQLs, oldest first, each to the next rep in its rule's rotation who is not away and has
 * capacity. One round is one transaction under the routing lock (a PostgreSQL advisory lock), so of any number
 * of replicas one routes at a time: the loads it counts and the rotation it advances are the database's, never
 * a JVM's, and a lead is locked and checked to be an unowned MQL before it is given, so it never gets two owners.
 */
@ApplicationScoped
public class Router {

    private final RoutingRuleRepository rules;
    private final RoutingQueue queue;
    private final RepAwayRepository away;
    private final LeadRepository leads;
    private final LeadHistory history;
    private final LeadsConfig config;
    private final AssignmentRules assignment;
    private final Clock clock;

    Router(RoutingRuleRepository rules, RoutingQueue queue, RepAwayRepository away, LeadRepository leads,
            LeadHistory history, LeadsConfig config, Clock clock) {
        this.rules = rules;
        this.queue = queue;
        this.away = away;
        this.leads = leads;
        this.history = history;
        this.config = config;
        this.assignment = config.assignmentRules();
        this.clock = clock;
    }

    /**
     * What a round did: leads assigned, the last queue position it looked at, whether more entries follow.
     */
    public record Round(int assigned, long lastSeq, boolean more) {
    }

    /** A transaction of its own: the router's thread has no request to read in. */
    @Transactional
    public boolean anyWaiting() {
        return !queue.isEmpty();
    }

    /**
     * Routes up to a batch of the entries after {@code afterSeq}. {@code full} collects the rules that had
     * nobody free during this pass over the queue: their later leads wait behind the earlier ones, so a place
     * that frees meanwhile goes to the oldest waiting lead in the next pass, not to a younger one now.
     */
    @Transactional
    public Round route(long afterSeq, Set<UUID> full) {
        rules.lockRouting();
        Instant now = Instant.now(clock);
        List<RoutingQueue.Waiting> waiting = queue.after(afterSeq, config.routing().batchSize());
        if (waiting.isEmpty()) {
            return new Round(0, afterSeq, false);
        }
        List<RoutingRule> ordered = rules.inMatchOrder();
        Set<String> awayNow = away.awayAt(now);
        Map<String, Integer> loads = leads.openMqlLoads(ordered.stream().flatMap(r -> r.members().stream())
                .map(PoolMember::repId).collect(Collectors.toSet()));
        int assigned = 0;
        for (RoutingQueue.Waiting entry : waiting) {
            Optional<RoutingRule> rule = entry.isUnownedMql()
                    ? ordered.stream().filter(r -> r.matches(entry.channel(), entry.campaignId())).findFirst()
                    : Optional.empty();
            if (rule.isEmpty()) {
                // owned or answered meanwhile, or no rule wants it: it is for people to assign
                queue.remove(entry.leadId());
                continue;
            }
            if (full.contains(rule.get().id())) {
                continue;
            }
            Optional<PoolMember> rep = rule.get().nextRep(loads,
                    repId -> !awayNow.contains(repId) && assignment.isSalesUser(repId));
            if (rep.isEmpty()) {
                full.add(rule.get().id());
                continue;
            }
            if (assign(entry.leadId(), rule.get(), rep.get(), now)) {
                loads.merge(rep.get().repId(), 1, Integer::sum);
                assigned++;
            }
            queue.remove(entry.leadId());
        }
        leads.flushChanges();
        return new Round(assigned, waiting.get(waiting.size() - 1).seq(),
                waiting.size() == config.routing().batchSize());
    }

    /** Locks the lead and gives it to the rep if it is still an MQL nobody owns. */
    private boolean assign(UUID leadId, RoutingRule rule, PoolMember rep, Instant now) {
        Lead lead = leads.lockAll(List.of(leadId)).get(0);
        if (lead.stage() != LeadStage.MQL || lead.isAssigned()) {
            return false;
        }
        history.record(lead.route(rep.repId(), rule.id(), assignment, now));
        rep.tookTurn(rules.nextTurn());
        return true;
    }
}
