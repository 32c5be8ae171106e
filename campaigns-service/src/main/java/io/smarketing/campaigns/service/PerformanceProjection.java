package io.smarketing.campaigns.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.smarketing.campaigns.domain.Milestones;
import io.smarketing.campaigns.persistence.LeadFacts;
import io.smarketing.events.LeadEvent;
import io.smarketing.events.LeadTouched;
import io.smarketing.events.LeadWon;
import io.smarketing.events.Money;

/**
 * Records the facts of lead events, whatever campaign they name: performance is computed from them on read, so
 * a lead event that arrives before its campaign is known here is counted as soon as the campaign is. A deal's
 * amount is kept at the platform currency's scale ({@link Money#round}), as the shared view keeps it.
 */
@ApplicationScoped
public class PerformanceProjection {

    private final LeadFacts facts;
    private final Money money;

    PerformanceProjection(LeadFacts facts, Money money) {
        this.facts = facts;
        this.money = money;
    }

    /** Applies a batch of lead events, their writes sent together. */
    @Transactional(TxType.MANDATORY)
    public void apply(List<LeadEvent> events) {
        events.forEach(this::apply);
        facts.flush();
    }

    private void apply(LeadEvent event) {
        facts.record(event.leadId(), event.campaignId(), Milestones.provenBy(event.stage()), event.occurredAt());
        if (event instanceof LeadWon won) {
            facts.recordWin(won.leadId(), money.round(won.amount()), won.occurredAt());
        } else if (event instanceof LeadTouched touched && touched.touchCampaignId() != null) {
            facts.recordTouch(touched.touchId(), touched.leadId(), touched.touchCampaignId(), touched.occurredAt());
        }
    }
}
