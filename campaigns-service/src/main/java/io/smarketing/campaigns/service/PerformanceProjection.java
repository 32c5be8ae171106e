package io.smarketing.campaigns.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.smarketing.campaigns.persistence.CampaignLeads;
import io.smarketing.events.LeadEvent;
import io.smarketing.events.LeadStage;

/** Follows campaign-sourced leads through the funnel, for per-campaign performance. */
@ApplicationScoped
public class PerformanceProjection {

    private final CampaignLeads campaignLeads;

    PerformanceProjection(CampaignLeads campaignLeads) {
        this.campaignLeads = campaignLeads;
    }

    @Transactional(TxType.MANDATORY)
    public void apply(LeadEvent event) {
        if (event.campaignId() != null) {
            campaignLeads.record(event);
        }
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<LeadStage> stageOf(UUID leadId) {
        return campaignLeads.stageOf(leadId);
    }
}
