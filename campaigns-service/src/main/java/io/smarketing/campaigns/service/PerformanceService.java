package io.smarketing.campaigns.service;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.quarkus.panache.common.Sort;
import io.smarketing.campaigns.domain.AttributionModel;
import io.smarketing.campaigns.domain.Campaign;
import io.smarketing.campaigns.domain.FunnelCounts;
import io.smarketing.campaigns.domain.Performance;
import io.smarketing.campaigns.domain.Standing;
import io.smarketing.campaigns.persistence.CampaignRepository;
import io.smarketing.campaigns.persistence.LeadFacts;
import io.smarketing.chassis.api.Page;
import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.events.CampaignStatus;
import io.smarketing.events.Money;

/** Closed-loop performance, computed on read from the lead facts and the campaign's spend. */
@ApplicationScoped
public class PerformanceService {

    private final CampaignRepository campaigns;
    private final LeadFacts facts;
    private final Money money;

    PerformanceService(CampaignRepository campaigns, LeadFacts facts, Money money) {
        this.campaigns = campaigns;
        this.facts = facts;
        this.money = money;
    }

    @Transactional(TxType.SUPPORTS)
    public Performance of(UUID campaignId, AttributionModel model) {
        Campaign campaign = campaigns.findByIdOptional(campaignId)
                .orElseThrow(() -> ProblemException.notFound("Campaign", campaignId));
        return Performance.of(facts.funnelOf(campaignId),
                model.revenueOf(campaignId, facts.wonLeadsInvolving(campaignId), money), campaign.totalSpend(), money);
    }

    /**
     * The campaigns (of one status and one marketing owner, or all) ranked, one page of them. Ranking needs every campaign's numbers, so
     * this reads all funnels and won deals once: linear in campaigns plus won deals, not in lead events.
     */
    @Transactional(TxType.SUPPORTS)
    public Page<Standing> leaderboard(CampaignStatus status, String marketingOwner, Standing.Ranking ranking,
            AttributionModel model, int page, int size) {
        List<Campaign> candidates = status == null ? campaigns.listAll(Sort.by("createdAt"))
                : campaigns.list("status", Sort.by("createdAt"), status);
        Map<UUID, FunnelCounts> funnels = facts.funnels();
        var revenue = model.revenue(facts.wonLeads(), money);
        Comparator<Standing> order = ranking.order();
        List<Standing> ranked = candidates.stream()
                .filter(campaign -> marketingOwner == null || marketingOwner.equals(campaign.marketingOwner()))
                .map(campaign -> new Standing(campaign, Performance.of(
                        funnels.getOrDefault(campaign.id(), FunnelCounts.NONE),
                        revenue.getOrDefault(campaign.id(), money.zero()), campaign.totalSpend(), money)))
                .sorted(order)
                .toList();
        int from = (int) Math.min((long) page * size, ranked.size());
        int to = Math.min(from + size, ranked.size());
        return new Page<>(ranked.subList(from, to), ranked.size(), page, size);
    }
}
