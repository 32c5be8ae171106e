package io.smarketing.campaigns.domain;

import io.smarketing.events.LeadStage;

/**
 * How far a lead event proves the lead got. Every lead event carries the stage after the change, and a stage
 * implies the ones before it (NEW → MQL → SQL → WON | LOST; an MQL may be REJECTED), so the facts of a lead
 * can only grow: applying its events in any order, or twice, gives the same funnel.
 */
public record Milestones(boolean mql, boolean sql, boolean won, boolean lost, boolean rejected) {

    public static Milestones provenBy(LeadStage stage) {
        return switch (stage) {
            case NEW -> new Milestones(false, false, false, false, false);
            case MQL -> new Milestones(true, false, false, false, false);
            case REJECTED -> new Milestones(true, false, false, false, true);
            case SQL -> new Milestones(true, true, false, false, false);
            case WON -> new Milestones(true, true, true, false, false);
            case LOST -> new Milestones(true, true, false, true, false);
        };
    }
}
