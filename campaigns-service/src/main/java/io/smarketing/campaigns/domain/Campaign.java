package io.smarketing.campaigns.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.events.CampaignCancelled;
import io.smarketing.events.CampaignCompleted;
import io.smarketing.events.CampaignEvent;
import io.smarketing.events.CampaignLaunched;
import io.smarketing.events.CampaignPlanned;
import io.smarketing.events.CampaignSpendRecorded;
import io.smarketing.events.CampaignStatus;
import io.smarketing.events.CampaignUpdated;
import io.smarketing.events.Channel;
import io.smarketing.events.Money;

/**
 * A campaign: a validated plan, a status that changes only through {@link CampaignAction}, and the money
 * spent on it. Every method that changes it returns the event describing the change, for the outbox.
 */
@Entity
@Table(name = "campaign")
public class Campaign {

    @Id
    private UUID id;
    private String name;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private BigDecimal budget;
    @Column(name = "start_date")
    private LocalDate startDate;
    @Column(name = "end_date")
    private LocalDate endDate;
    @Column(name = "key_message")
    private String keyMessage;
    private String audience;
    @Column(name = "goal_id")
    private UUID goalId;
    @Column(name = "marketing_owner")
    private String marketingOwner;
    @Column(name = "sales_liaison")
    private String salesLiaison;
    @Enumerated(EnumType.STRING)
    private CampaignStatus status;
    @Column(name = "total_spend")
    private BigDecimal totalSpend;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Campaign() {
    }

    /** A new DRAFT campaign from a plan the API checked. */
    public static Planned plan(UUID id, CampaignPlan plan, Money money, String by, Instant now) {
        Campaign campaign = new Campaign();
        campaign.id = id;
        campaign.describe(plan.atScaleOf(money));
        campaign.status = CampaignStatus.DRAFT;
        campaign.totalSpend = money.zero();
        campaign.createdAt = now;
        campaign.updatedAt = now;
        CampaignPlanned event = new CampaignPlanned(id, campaign.name, campaign.channel, campaign.budget,
                money.currency(), campaign.goalId, campaign.keyMessage, campaign.audience, campaign.startDate,
                campaign.endDate, campaign.marketingOwner, campaign.salesLiaison, by, now);
        return new Planned(campaign, event);
    }

    /** A planned campaign and the event that announces it. */
    public record Planned(Campaign campaign, CampaignPlanned event) {
    }

    /**
     * Replaces the plan of a DRAFT or ACTIVE campaign, if the caller read the current version (409 otherwise).
     * Empty when the new plan equals the current one: nothing changed, nothing to announce.
     */
    public Optional<CampaignUpdated> revise(CampaignPlan plan, long expectedVersion, Money money, String by,
            Instant now) {
        CampaignPlan revised = plan.atScaleOf(money);
        if (expectedVersion != version) {
            throw ProblemException.staleVersion("Campaign", id, version, expectedVersion);
        }
        CampaignAction.REVISE.apply(status);
        if (revised.equals(currentPlan(money))) {
            return Optional.empty();
        }
        describe(revised);
        updatedAt = now;
        return Optional.of(new CampaignUpdated(id, name, channel, budget, money.currency(), goalId, keyMessage,
                audience, startDate, endDate, marketingOwner, salesLiaison, by, now));
    }

    /** Launches, completes or cancels the campaign, as {@link CampaignAction} allows (409 otherwise). */
    public CampaignEvent move(CampaignAction action, String by, Instant now) {
        status = action.apply(status);
        updatedAt = now;
        return switch (action) {
            case LAUNCH -> new CampaignLaunched(id, status, by, now);
            case COMPLETE -> new CampaignCompleted(id, status, by, now);
            case CANCEL -> new CampaignCancelled(id, status, by, now);
            case REVISE, RECORD_SPEND -> throw new IllegalArgumentException(action + " is not a status change");
        };
    }

    /**
     * Adds spend to an ACTIVE campaign. The amount is more than zero (the API checked it in the currency): the
     * event contract has no negative spend, so the total can never go down, let alone below zero.
     */
    public CampaignSpendRecorded recordSpend(BigDecimal amount, String note, Money money, String by, Instant now) {
        if (amount == null || amount.signum() <= 0) {
            throw ProblemException.unprocessable("amount", "must be greater than 0");
        }
        CampaignAction.RECORD_SPEND.apply(status);
        BigDecimal spent = money.exact(amount);
        BigDecimal newTotal = money.round(totalSpend.add(spent));
        if (money.problemWith(newTotal).isPresent()) {
            throw ProblemException.unprocessable("amount", "would take the total spend past what can be recorded");
        }
        totalSpend = newTotal;
        updatedAt = now;
        return new CampaignSpendRecorded(id, spent, totalSpend, money.currency(), note, by, now);
    }

    /** The plan as it stands, with the budget at the currency's scale (the column keeps four decimals). */
    private CampaignPlan currentPlan(Money money) {
        return new CampaignPlan(name, channel, money.round(budget), startDate, endDate, keyMessage, audience, goalId,
                marketingOwner, salesLiaison);
    }

    private void describe(CampaignPlan plan) {
        name = plan.name();
        channel = plan.channel();
        budget = plan.budget();
        startDate = plan.startDate();
        endDate = plan.endDate();
        keyMessage = plan.keyMessage();
        audience = plan.audience();
        goalId = plan.goalId();
        marketingOwner = plan.marketingOwner();
        salesLiaison = plan.salesLiaison();
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Channel channel() {
        return channel;
    }

    public BigDecimal budget() {
        return budget;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public LocalDate endDate() {
        return endDate;
    }

    public String keyMessage() {
        return keyMessage;
    }

    public String audience() {
        return audience;
    }

    public UUID goalId() {
        return goalId;
    }

    public String marketingOwner() {
        return marketingOwner;
    }

    public String salesLiaison() {
        return salesLiaison;
    }

    public CampaignStatus status() {
        return status;
    }

    public BigDecimal totalSpend() {
        return totalSpend;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
