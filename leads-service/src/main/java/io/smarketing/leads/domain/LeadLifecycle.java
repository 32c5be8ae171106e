package io.smarketing.leads.domain;

import java.util.Optional;

import io.smarketing.events.LeadStage;

/**
 * The lead state machine, in one place: NEW → MQL → (assigned) → SQL → WON | LOST; an assigned MQL may be
 * REJECTED, and a rejected lead becomes an MQL again when marketing re-qualifies it. "Assigned" is part of the
 * state because accepting or rejecting an MQL nobody owns makes no sense.
 */
public final class LeadLifecycle {

    private LeadLifecycle() {
    }

    /** The stage after {@code action}, or empty when the current state forbids it. */
    public static Optional<LeadStage> next(LeadStage stage, boolean assigned, LeadAction action) {
        LeadStage next = switch (action) {
            case QUALIFY -> stage == LeadStage.NEW || stage == LeadStage.REJECTED ? LeadStage.MQL : null;
            case ASSIGN -> stage == LeadStage.MQL ? LeadStage.MQL : null;
            case ACCEPT -> stage == LeadStage.MQL && assigned ? LeadStage.SQL : null;
            case REJECT -> stage == LeadStage.MQL && assigned ? LeadStage.REJECTED : null;
            case WIN -> stage == LeadStage.SQL ? LeadStage.WON : null;
            case LOSE -> stage == LeadStage.SQL ? LeadStage.LOST : null;
        };
        return Optional.ofNullable(next);
    }

    /** Open leads are the ones a new submission with the same e-mail is merged into. */
    public static boolean isOpen(LeadStage stage) {
        return stage != LeadStage.WON && stage != LeadStage.LOST;
    }
}
