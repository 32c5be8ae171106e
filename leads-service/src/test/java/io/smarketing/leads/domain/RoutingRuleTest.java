package io.smarketing.leads.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.events.Channel;

class RoutingRuleTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final AssignmentRules SALES = new AssignmentRules(Set.of("ann", "bo", "cy"), Duration.ofHours(24));
    private static final UUID CAMPAIGN = UUID.randomUUID();

    private static RoutingRule rule(Channel channel, UUID campaign, boolean isDefault, RoutingRule.Seat... seats) {
        return RoutingRule.define(new RoutingRule.Definition("rule", null, channel, campaign, isDefault, List.of(seats)),
                1, SALES, T0);
    }

    private static RoutingRule.Seat seat(String rep, int capacity) {
        return new RoutingRule.Seat(rep, capacity);
    }

    @Test
    void aRuleMatchesByChannelAndCampaignTogether() {
        RoutingRule both = rule(Channel.EVENT, CAMPAIGN, false, seat("ann", 1));
        assertTrue(both.matches(Channel.EVENT, CAMPAIGN));
        assertFalse(both.matches(Channel.WEB, CAMPAIGN));
        assertFalse(both.matches(Channel.EVENT, UUID.randomUUID()));
        assertFalse(both.matches(Channel.EVENT, null));
        RoutingRule byChannel = rule(Channel.EVENT, null, false, seat("ann", 1));
        assertTrue(byChannel.matches(Channel.EVENT, null));
        assertTrue(byChannel.matches(Channel.EVENT, CAMPAIGN));
        assertTrue(rule(null, null, true, seat("ann", 1)).matches(Channel.OTHER, null));
    }

    @Test
    void theRotationGoesRoundThePoolInOrder() {
        RoutingRule rule = rule(Channel.WEB, null, false, seat("ann", 100), seat("bo", 100), seat("cy", 100));
        Map<String, Integer> loads = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (long turn = 1; turn <= 7; turn++) {
            PoolMember next = rule.nextRep(loads, rep -> true).orElseThrow();
            next.tookTurn(turn);
            loads.merge(next.repId(), 1, Integer::sum);
            order.add(next.repId());
        }
        assertEquals(List.of("ann", "bo", "cy", "ann", "bo", "cy", "ann"), order);
    }

    @Test
    void aRepAwayOrAtCapacityIsPassedOverAndComesBackFirst() {
        RoutingRule rule = rule(Channel.WEB, null, false, seat("ann", 1), seat("bo", 5), seat("cy", 5));
        Map<String, Integer> loads = new HashMap<>(Map.of("ann", 1));
        PoolMember first = rule.nextRep(loads, rep -> !rep.equals("bo")).orElseThrow();
        assertEquals("cy", first.repId(), "ann is full, bo away");
        first.tookTurn(1);
        loads.clear();
        assertEquals("ann", rule.nextRep(loads, rep -> true).orElseThrow().repId(),
                "ann and bo never had a lead from the rule: ann, first in the pool, is next");
        assertTrue(rule.nextRep(Map.of("ann", 1, "bo", 5, "cy", 5), rep -> true).isEmpty(), "everybody full");
    }

    @Test
    void editingThePoolKeepsEachRemainingRepsPlaceInTheRotation() {
        RoutingRule rule = rule(Channel.WEB, null, false, seat("ann", 2), seat("bo", 2));
        rule.nextRep(Map.of(), rep -> true).orElseThrow().tookTurn(1); // ann
        rule.redefine(new RoutingRule.Definition("rule", 1, Channel.WEB, null, false,
                List.of(seat("cy", 3), seat("bo", 4), seat("ann", 9))), 1, SALES, T0);
        assertEquals(List.of("cy", "bo", "ann"), rule.members().stream().map(PoolMember::repId).toList());
        assertEquals(9, rule.members().get(2).capacity());
        assertEquals(1L, rule.members().get(2).lastTurn(), "ann keeps her turn");
        assertEquals("cy", rule.nextRep(Map.of(), rep -> true).orElseThrow().repId());
    }

    @Test
    void aRuleIsRefusedWhenItsShapeOrPoolIsWrong() {
        assertField("channel", () -> rule(null, null, false, seat("ann", 1)));
        assertField("defaultRule", () -> rule(Channel.WEB, null, true, seat("ann", 1)));
        assertField("reps[1].repId", () -> rule(Channel.WEB, null, false, seat("ann", 1), seat("mallory", 1)));
        assertField("reps[1].repId", () -> rule(Channel.WEB, null, false, seat("ann", 1), seat("ann", 2)));
    }

    private static void assertField(String field, Runnable definition) {
        ProblemException problem = assertThrows(ProblemException.class, definition::run);
        assertEquals(422, problem.status());
        assertEquals(field, problem.toProblem(null).violations().get(0).field(), problem.getMessage());
    }
}
