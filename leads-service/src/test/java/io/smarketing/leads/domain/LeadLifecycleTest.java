package io.smarketing.leads.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.smarketing.events.LeadStage;

/** Every state (each stage; MQL both unassigned and assigned) × every action, against the lifecycle table in the leads-service README. */
class LeadLifecycleTest {

    /** The allowed transitions, written out by hand; everything not listed is forbidden. */
    private static final Map<String, LeadStage> ALLOWED = Map.of(
            "NEW/QUALIFY", LeadStage.MQL,
            "REJECTED/QUALIFY", LeadStage.MQL,
            "MQL/ASSIGN", LeadStage.MQL,
            "MQL+owner/ASSIGN", LeadStage.MQL,
            "MQL+owner/ACCEPT", LeadStage.SQL,
            "MQL+owner/REJECT", LeadStage.REJECTED,
            "SQL/WIN", LeadStage.WON,
            "SQL/LOSE", LeadStage.LOST);

    static List<Arguments> everyStateAndAction() {
        List<Arguments> cases = new ArrayList<>();
        for (LeadStage stage : LeadStage.values()) {
            for (boolean assigned : stage == LeadStage.MQL ? new boolean[] { false, true } : new boolean[] { false }) {
                for (LeadAction action : LeadAction.values()) {
                    String key = stage + (assigned ? "+owner" : "") + "/" + action;
                    cases.add(Arguments.of(Named.of(key, stage), assigned, action, Optional.ofNullable(ALLOWED.get(key))));
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} {2} → {3}")
    @MethodSource("everyStateAndAction")
    void eachActionIsAllowedExactlyWhereTheTableSays(LeadStage stage, boolean assigned, LeadAction action,
            Optional<LeadStage> expected) {
        assertEquals(expected, LeadLifecycle.next(stage, assigned, action));
    }

    @Test
    void theTableCoversSevenStatesTimesSixActions() {
        assertEquals(7 * 6, everyStateAndAction().size());
    }

    @Test
    void wonAndLostLeadsAreClosedEverythingElseIsOpen() {
        for (LeadStage stage : LeadStage.values()) {
            boolean closed = EnumSet.of(LeadStage.WON, LeadStage.LOST).contains(stage);
            assertEquals(!closed, LeadLifecycle.isOpen(stage), stage.name());
        }
    }

    @Test
    void closedLeadsAllowNoActionAtAll() {
        for (LeadStage closed : List.of(LeadStage.WON, LeadStage.LOST)) {
            for (LeadAction action : LeadAction.values()) {
                assertTrue(LeadLifecycle.next(closed, true, action).isEmpty(), closed + "/" + action);
            }
        }
    }

    @Test
    void onlyTheSalesDecisionsAreOwnerOnly() {
        assertEquals(EnumSet.of(LeadAction.ACCEPT, LeadAction.REJECT, LeadAction.WIN, LeadAction.LOSE),
                EnumSet.copyOf(List.of(LeadAction.values()).stream().filter(LeadAction::ownerOnly).toList()));
        assertFalse(LeadAction.ASSIGN.ownerOnly());
    }
}
