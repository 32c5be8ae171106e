package io.smarketing.leads.service;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.events.CampaignCancelled;
import io.smarketing.events.CampaignCompleted;
import io.smarketing.events.CampaignEvent;
import io.smarketing.events.CampaignLaunched;
import io.smarketing.events.CampaignPlanned;
import io.smarketing.events.CampaignUpdated;
import io.smarketing.leads.domain.CampaignReplica;
import io.smarketing.leads.persistence.CampaignReplicaRepository;

/** Keeps leads-service's replica of campaigns in step with smarketing.campaigns.v1. */
@ApplicationScoped
public class CampaignReplicas {

    private final CampaignReplicaRepository campaigns;

    CampaignReplicas(CampaignReplicaRepository campaigns) {
        this.campaigns = campaigns;
    }

    /** The campaign a request names; 422 on {@code field} when no event ever told us about it. */
    @Transactional(TxType.SUPPORTS)
    public CampaignReplica requireKnown(UUID campaignId, String field) {
        return campaigns.findByIdOptional(campaignId)
                .orElseThrow(() -> ProblemException.unprocessable(field, "unknown campaign " + campaignId));
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<CampaignReplica> find(UUID campaignId) {
        return campaigns.findByIdOptional(campaignId);
    }

    /** Which of these campaigns this service knows, in one query (for bulk imports). */
    @Transactional(TxType.SUPPORTS)
    public Set<UUID> known(Collection<UUID> campaignIds) {
        if (campaignIds.isEmpty()) {
            return Set.of();
        }
        return campaigns.find("id in ?1", campaignIds).stream().map(CampaignReplica::id).collect(Collectors.toSet());
    }

    @Transactional(TxType.MANDATORY)
    public void apply(CampaignEvent event) {
        CampaignReplica campaign = campaigns.findByIdOptional(event.campaignId()).orElseGet(() -> {
            CampaignReplica first = CampaignReplica.first(event.campaignId(), event.occurredAt());
            campaigns.persist(first);
            return first;
        });
        if (event instanceof CampaignPlanned planned) {
            campaign.describe(planned.name(), planned.keyMessage(), planned.occurredAt());
        } else if (event instanceof CampaignUpdated updated) {
            campaign.describe(updated.name(), updated.keyMessage(), updated.occurredAt());
        } else if (event instanceof CampaignLaunched launched) {
            campaign.moveTo(launched.status(), launched.occurredAt());
        } else if (event instanceof CampaignCompleted completed) {
            campaign.moveTo(completed.status(), completed.occurredAt());
        } else if (event instanceof CampaignCancelled cancelled) {
            campaign.moveTo(cancelled.status(), cancelled.occurredAt());
        }
    }
}
