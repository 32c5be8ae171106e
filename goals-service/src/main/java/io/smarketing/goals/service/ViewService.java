package io.smarketing.goals.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.smarketing.events.LeadAccepted;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadEvent;
import io.smarketing.events.LeadLost;
import io.smarketing.events.LeadQualified;
import io.smarketing.events.LeadRejected;
import io.smarketing.events.LeadStage;
import io.smarketing.events.LeadWon;
import io.smarketing.goals.domain.SharedView;
import io.smarketing.goals.persistence.LeadFacts;
import io.smarketing.goals.persistence.LeadFacts.Milestone;

/** Projects events into the shared view and reads it back. */
@ApplicationScoped
public class ViewService {

    private final LeadFacts leadFacts;

    ViewService(LeadFacts leadFacts) {
        this.leadFacts = leadFacts;
    }

    @Transactional(TxType.MANDATORY)
    public void apply(LeadEvent event) {
        leadFacts.record(event.leadId(), event.campaignId(), milestone(event), event.occurredAt());
        if (event instanceof LeadCreated created && created.stage() == LeadStage.MQL) {
            leadFacts.record(event.leadId(), event.campaignId(), Milestone.MQL, event.occurredAt());
        }
    }

    @Transactional(TxType.SUPPORTS)
    public SharedView view() {
        return new SharedView(leadFacts.funnel(), leadFacts.lastEventAt());
    }

    private static Milestone milestone(LeadEvent event) {
        if (event instanceof LeadCreated) {
            return Milestone.CREATED;
        }
        if (event instanceof LeadQualified) {
            return Milestone.MQL;
        }
        if (event instanceof LeadAccepted) {
            return Milestone.SQL;
        }
        if (event instanceof LeadWon) {
            return Milestone.WON;
        }
        if (event instanceof LeadLost) {
            return Milestone.LOST;
        }
        if (event instanceof LeadRejected) {
            return Milestone.REJECTED;
        }
        // assigned, touched, SLA breaches: only the time of the last event moves
        return Milestone.ACTIVITY;
    }
}
