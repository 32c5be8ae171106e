package io.smarketing.leads.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.smarketing.chassis.api.Page;
import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.leads.config.LeadsConfig;
import io.smarketing.leads.domain.AssignmentRules;
import io.smarketing.leads.domain.PoolMember;
import io.smarketing.leads.domain.RepAway;
import io.smarketing.leads.domain.RoutingRule;
import io.smarketing.leads.persistence.LeadRepository;
import io.smarketing.leads.persistence.RepAwayRepository;
import io.smarketing.leads.persistence.RoutingQueue;
import io.smarketing.leads.persistence.RoutingRuleRepository;

/**
 * Routing's setup: the rules executives write and the away periods reps announce. Every change takes the
 * routing lock, so a router round never sees half of one, and wakes the router after the commit: a new pool or
 * a rep back may let waiting MQLs go at once.
 */
@ApplicationScoped
public class RoutingService {

    private final RoutingRuleRepository rules;
    private final RepAwayRepository away;
    private final RoutingQueue queue;
    private final LeadRepository leads;
    private final CampaignReplicas campaigns;
    private final RoutingTrigger trigger;
    private final AssignmentRules assignment;
    private final Clock clock;

    RoutingService(RoutingRuleRepository rules, RepAwayRepository away, RoutingQueue queue, LeadRepository leads,
            CampaignReplicas campaigns, RoutingTrigger trigger, LeadsConfig config, Clock clock) {
        this.rules = rules;
        this.away = away;
        this.queue = queue;
        this.leads = leads;
        this.campaigns = campaigns;
        this.trigger = trigger;
        this.assignment = config.assignmentRules();
        this.clock = clock;
    }

    /** A sales rep as routing sees them: their load, their seats in the pools, and their away period. */
    public record Rep(String repId, int openMqls, List<Seat> seats, RepAway away, boolean awayNow) {
    }

    /** A rep's place in one rule's pool. */
    public record Seat(UUID ruleId, String ruleName, int capacity) {
    }

    /** One MQL waiting for a rep, and its place in the queue (1 = next). */
    public record WaitingLead(int place, UUID leadId, Instant queuedAt) {
    }

    @Transactional
    public RoutingRule create(RoutingRule.Definition definition) {
        rules.lockRouting();
        check(definition, null);
        Instant now = Instant.now(clock);
        int position = definition.position() != null ? definition.position() : rules.nextPosition();
        RoutingRule rule = RoutingRule.define(definition, position, assignment, now);
        rules.persist(rule);
        rules.flush();
        trigger.wakeRouterAfterCommit();
        return rule;
    }

    /** Replaces the rule's definition if it is still at {@code expectedVersion} (409 otherwise). */
    @Transactional
    public RoutingRule revise(UUID id, long expectedVersion, RoutingRule.Definition definition) {
        rules.lockRouting();
        RoutingRule rule = get(id);
        if (rule.version() != expectedVersion) {
            throw ProblemException.conflict("Routing rule " + id + " is at version " + rule.version()
                    + ", not " + expectedVersion + ": read it again");
        }
        check(definition, id);
        rule.redefine(definition, definition.position() != null ? definition.position() : rule.position(), assignment,
                Instant.now(clock));
        rules.flush();
        trigger.wakeRouterAfterCommit();
        return rule;
    }

    /** Removes the rule; MQLs waiting for it go to the next rule that matches, or to people. */
    @Transactional
    public void delete(UUID id) {
        rules.lockRouting();
        rules.delete(get(id));
        trigger.wakeRouterAfterCommit();
    }

    @Transactional(TxType.SUPPORTS)
    public RoutingRule get(UUID id) {
        return rules.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Routing rule", id));
    }

    /** A page of the rules in the order they are tried. */
    @Transactional(TxType.SUPPORTS)
    public Page<RoutingRule> list(int page, int size) {
        return Page.of(rules.findAll(RoutingRuleRepository.MATCH_ORDER), page, size);
    }

    /** Every rep in a pool or with an away period not over, by name. */
    @Transactional(TxType.SUPPORTS)
    public List<Rep> reps() {
        Instant now = Instant.now(clock);
        Map<String, List<Seat>> seats = new TreeMap<>();
        for (RoutingRule rule : rules.inMatchOrder()) {
            for (PoolMember member : rule.members()) {
                seats.computeIfAbsent(member.repId(), r -> new ArrayList<>())
                        .add(new Seat(rule.id(), rule.name(), member.capacity()));
            }
        }
        Map<String, RepAway> periods = new TreeMap<>();
        away.notOverAt(now).forEach(period -> periods.put(period.repId(), period));
        periods.keySet().forEach(repId -> seats.computeIfAbsent(repId, r -> new ArrayList<>()));
        Map<String, Integer> loads = leads.openMqlLoads(seats.keySet());
        return seats.entrySet().stream().map(e -> rep(e.getKey(), loads, e.getValue(), periods.get(e.getKey()), now))
                .toList();
    }

    /** The rep marks themselves away from {@code from} (now when absent) until {@code to}; it replaces an earlier period. */
    @Transactional
    public Rep markAway(String repId, Instant from, Instant to) {
        requireSalesUser(repId);
        rules.lockRouting();
        Instant now = Instant.now(clock);
        Optional<RepAway> period = away.findByIdOptional(repId);
        if (period.isPresent()) {
            period.get().change(from, to, now);
        } else {
            away.persist(RepAway.of(repId, from, to, now));
        }
        away.flush();
        return rep(repId);
    }

    /** The rep is back: leads are routed to them again at once. */
    @Transactional
    public Rep markBack(String repId) {
        requireSalesUser(repId);
        rules.lockRouting();
        away.deleteById(repId);
        trigger.wakeRouterAfterCommit();
        return rep(repId);
    }

    /** The waiting MQLs in the order they will be routed. */
    @Transactional(TxType.SUPPORTS)
    public List<WaitingLead> waiting(int offset, int limit) {
        List<RoutingQueue.Waiting> entries = queue.page(offset, limit);
        List<WaitingLead> result = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            result.add(new WaitingLead(offset + i + 1, entries.get(i).leadId(), entries.get(i).queuedAt()));
        }
        return result;
    }

    @Transactional(TxType.SUPPORTS)
    public long waitingCount() {
        return queue.size();
    }

    private Rep rep(String repId) {
        return reps().stream().filter(r -> r.repId().equals(repId)).findFirst()
                .orElseGet(() -> new Rep(repId, leads.openMqlLoads(List.of(repId)).getOrDefault(repId, 0), List.of(),
                        null, false));
    }

    private static Rep rep(String repId, Map<String, Integer> loads, List<Seat> seats, RepAway period, Instant now) {
        return new Rep(repId, loads.getOrDefault(repId, 0), List.copyOf(seats), period,
                period != null && period.isAwayAt(now));
    }

    private void check(RoutingRule.Definition definition, UUID revised) {
        if (definition.campaignId() != null) {
            campaigns.requireKnown(definition.campaignId(), "campaignId");
        }
        if (definition.isDefault() && rules.defaultExistsOtherThan(revised == null ? new UUID(0, 0) : revised)) {
            throw ProblemException.conflict("There is a default rule already: change that one, or make it a rule "
                    + "with a channel or campaign first");
        }
    }

    private void requireSalesUser(String repId) {
        if (!assignment.isSalesUser(repId)) {
            throw ProblemException.unprocessable("repId", repId + " is not a sales user");
        }
    }
}
