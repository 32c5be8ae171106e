package io.smarketing.campaigns.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.smarketing.campaigns.domain.Campaign;
import io.smarketing.campaigns.domain.CampaignAction;
import io.smarketing.campaigns.domain.CampaignPlan;
import io.smarketing.campaigns.persistence.CampaignRepository;
import io.smarketing.chassis.outbox.Outbox;
import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.events.Money;

/**
 * The transaction boundary of campaign changes: each change and its event commit together. Writes flush before
 * they return, so a concurrent change surfaces here as a 409 and the response carries the new version.
 */
@ApplicationScoped
public class CampaignService {

    private final CampaignRepository campaigns;
    private final Outbox outbox;
    private final Money money;
    private final Clock clock;

    CampaignService(CampaignRepository campaigns, Outbox outbox, Money money, Clock clock) {
        this.campaigns = campaigns;
        this.outbox = outbox;
        this.money = money;
        this.clock = clock;
    }

    @Transactional
    public Campaign plan(CampaignPlan plan, String by) {
        Campaign.Planned planned = Campaign.plan(UUID.randomUUID(), plan, money, by, now());
        campaigns.persist(planned.campaign());
        outbox.publish(planned.event());
        return planned.campaign();
    }

    @Transactional
    public Campaign revise(UUID id, long expectedVersion, CampaignPlan plan, String by) {
        Campaign campaign = find(id, LockModeType.NONE);
        campaign.revise(plan, expectedVersion, money, by, now()).ifPresent(outbox::publish);
        campaigns.flush();
        return campaign;
    }

    @Transactional
    public Campaign move(UUID id, CampaignAction action, String by) {
        Campaign campaign = find(id, LockModeType.NONE);
        outbox.publish(campaign.move(action, by, now()));
        campaigns.flush();
        return campaign;
    }

    /** Spend is a running total: concurrent recordings wait for each other instead of failing. */
    @Transactional
    public Campaign recordSpend(UUID id, BigDecimal amount, String note, String by) {
        Campaign campaign = find(id, LockModeType.PESSIMISTIC_WRITE);
        outbox.publish(campaign.recordSpend(amount, note, money, by, now()));
        campaigns.flush();
        return campaign;
    }

    @Transactional(TxType.SUPPORTS)
    public Campaign get(UUID id) {
        return find(id, LockModeType.NONE);
    }

    private Campaign find(UUID id, LockModeType lock) {
        return campaigns.findByIdOptional(id, lock).orElseThrow(() -> ProblemException.notFound("Campaign", id));
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
