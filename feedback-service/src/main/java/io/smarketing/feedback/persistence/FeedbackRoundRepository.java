package io.smarketing.feedback.persistence;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.smarketing.feedback.domain.FeedbackRound;

@ApplicationScoped
public class FeedbackRoundRepository implements PanacheRepositoryBase<FeedbackRound, UUID> {

    public Optional<FeedbackRound> findByCampaign(UUID campaignId) {
        return find("campaignId", campaignId).firstResultOptional();
    }
}
