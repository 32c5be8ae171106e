package io.smarketing.campaigns.persistence;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.smarketing.events.LeadEvent;
import io.smarketing.events.LeadStage;

/** The campaign-sourced leads, as lead events report them (per-lead order is the topic's key order). */
@ApplicationScoped
public class CampaignLeads {

    private final EntityManager entityManager;

    CampaignLeads(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void record(LeadEvent event) {
        entityManager.createNativeQuery("""
                insert into campaign_lead (lead_id, campaign_id, stage, updated_at)
                values (:lead, :campaign, :stage, :at)
                on conflict (lead_id) do update set stage = excluded.stage, updated_at = excluded.updated_at
                where campaign_lead.updated_at <= excluded.updated_at""")
                .setParameter("lead", event.leadId())
                .setParameter("campaign", event.campaignId())
                .setParameter("stage", event.stage().name())
                .setParameter("at", Timestamp.from(event.occurredAt()))
                .executeUpdate();
    }

    public Optional<LeadStage> stageOf(UUID leadId) {
        return entityManager.createNativeQuery("select stage from campaign_lead where lead_id = :lead", String.class)
                .setParameter("lead", leadId).getResultStream().findFirst().map(stage -> LeadStage.valueOf((String) stage));
    }

    public long leadsOf(UUID campaignId) {
        return ((Number) entityManager.createNativeQuery("select count(*) from campaign_lead where campaign_id = :c")
                .setParameter("c", campaignId).getSingleResult()).longValue();
    }
}
