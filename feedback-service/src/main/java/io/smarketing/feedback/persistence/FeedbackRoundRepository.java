package io.smarketing.feedback.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smarketing.feedback.domain.FeedbackRound;
import io.smarketing.feedback.domain.RoundStatus;

@ApplicationScoped
public class FeedbackRoundRepository implements PanacheRepositoryBase<FeedbackRound, UUID> {

    public Optional<FeedbackRound> findByCampaign(UUID campaignId) {
        return find("campaignId", campaignId).firstResultOptional();
    }

    /**
     * Stores a new round unless its campaign has one; the unique campaign column decides, so a manual open
     * racing the automatic one cannot create two rounds or fail with a constraint error.
     *
     * @return whether this round was stored
     */
    public boolean insertIfCampaignHasNone(FeedbackRound round) {
        return getEntityManager().createNativeQuery("""
                insert into feedback_round (id, campaign_id, status, opened_by, opened_at)
                values (:id, :campaign, :status, :by, :at)
                on conflict (campaign_id) do nothing""")
                .setParameter("id", round.id())
                .setParameter("campaign", round.campaignId())
                .setParameter("status", round.status().name())
                .setParameter("by", round.openedBy())
                .setParameter("at", round.openedAt())
                .executeUpdate() == 1;
    }

    /** The round, locked until the transaction ends: entries and closing of one round happen one at a time. */
    public Optional<FeedbackRound> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Newest first; a null filter matches every round. */
    public PanacheQuery<FeedbackRound> search(UUID campaignId, RoundStatus status) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (campaignId != null) {
            conditions.add("campaignId = :campaignId");
            parameters.put("campaignId", campaignId);
        }
        if (status != null) {
            conditions.add("status = :status");
            parameters.put("status", status);
        }
        Sort newestFirst = Sort.descending("openedAt").and("id");
        return conditions.isEmpty() ? findAll(newestFirst)
                : find(String.join(" and ", conditions), newestFirst, parameters);
    }
}
