package io.smarketing.feedback.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.smarketing.events.LeadEvent;
import io.smarketing.events.LeadLost;
import io.smarketing.events.LeadRejected;
import io.smarketing.feedback.domain.LeadOutcome;
import io.smarketing.feedback.persistence.LeadFactRepository;

/**
 * Reasons from the field: why the campaign's leads were rejected or lost, kept per campaign whether or not
 * its round is open yet, so a round's summary counts everything that happened to the campaign's leads.
 */
@ApplicationScoped
public class FieldReasons {

    private final LeadFactRepository leadFacts;

    FieldReasons(LeadFactRepository leadFacts) {
        this.leadFacts = leadFacts;
    }

    /** Sends what {@link #apply} collected; once per consumer batch. */
    @Transactional(TxType.MANDATORY)
    public void flush() {
        leadFacts.flush();
    }

    @Transactional(TxType.MANDATORY)
    public void apply(LeadEvent event) {
        leadFacts.rememberLead(event.leadId(), event.campaignId());
        if (event.campaignId() == null) {
            return; // a lead from no campaign belongs to no round
        }
        if (event instanceof LeadRejected rejected) {
            leadFacts.recordOutcome(rejected.leadId(), LeadOutcome.REJECTED, rejected.campaignId(),
                    rejected.reason().name(), rejected.occurredAt());
        } else if (event instanceof LeadLost lost) {
            leadFacts.recordOutcome(lost.leadId(), LeadOutcome.LOST, lost.campaignId(), lost.reason().name(),
                    lost.occurredAt());
        }
    }
}
