package io.smarketing.goals.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.Formula;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.smarketing.events.GoalAchieved;
import io.smarketing.events.GoalAtRisk;
import io.smarketing.events.GoalEvent;
import io.smarketing.events.GoalMetric;
import io.smarketing.events.GoalRevised;
import io.smarketing.events.GoalSet;
import io.smarketing.events.GoalStatus;

/** A number both teams own: a metric, a target and a period, with owners on each side. */
@Entity
@Table(name = "goal")
public class Goal {

    @Id
    private UUID id;
    private String name;
    @Enumerated(EnumType.STRING)
    private GoalMetric metric;
    private BigDecimal target;
    @Column(name = "period_start")
    private LocalDate periodStart;
    @Column(name = "period_end")
    private LocalDate periodEnd;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "sales_owners")
    private List<String> salesOwners;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "marketing_owners")
    private List<String> marketingOwners;
    @Column(name = "campaign_id")
    private UUID campaignId;
    /** Read only: evaluation records it in {@code goal_status}, so it never moves the goal's version. */
    @Enumerated(EnumType.STRING)
    @Formula("(select s.status from goal_status s where s.goal_id = id)")
    private GoalStatus lastStatus;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Goal() {
    }

    /** What defines a goal; both {@link #set} and {@link #revise} take it whole. */
    public record Definition(String name, GoalMetric metric, BigDecimal target, LocalDate periodStart,
            LocalDate periodEnd, List<String> salesOwners, List<String> marketingOwners, UUID campaignId) {
    }

    /** A goal and the event that announces it. */
    public record Change(Goal goal, GoalEvent event) {
    }

    public static Change set(Definition definition, String by, Instant now) {
        Goal goal = new Goal();
        goal.id = UUID.randomUUID();
        goal.createdBy = by;
        goal.createdAt = now;
        goal.define(definition, now);
        return new Change(goal, new GoalSet(goal.id, goal.name, goal.metric, goal.target, goal.periodStart,
                goal.periodEnd, goal.salesOwners, goal.marketingOwners, goal.campaignId, by, now));
    }

    public Change revise(Definition definition, String by, Instant now) {
        define(definition, now);
        return new Change(this, new GoalRevised(id, name, metric, target, periodStart, periodEnd, salesOwners,
                marketingOwners, campaignId, by, now));
    }

    /**
     * The event that announces a new status, for ACHIEVED and AT_RISK; nothing for the others. Whether the
     * status is new is {@code GoalStatusRepository}'s to decide, so that two evaluations never both announce.
     */
    public Optional<GoalEvent> announcement(GoalProgress progress, Instant now) {
        GoalStatus status = progress.status();
        BigDecimal actual = progress.actual() == null ? BigDecimal.ZERO : progress.actual();
        BigDecimal forecast = progress.forecast() == null ? actual : progress.forecast();
        return switch (status) {
            case ACHIEVED -> Optional.of(new GoalAchieved(id, campaignId, metric, actual, target, forecast, status, now));
            case AT_RISK -> Optional.of(new GoalAtRisk(id, campaignId, metric, actual, target, forecast, status, now));
            default -> Optional.empty();
        };
    }

    private void define(Definition definition, Instant now) {
        GoalRules.check(definition);
        name = definition.name().trim();
        metric = definition.metric();
        target = GoalRules.roundedTarget(definition.target());
        periodStart = definition.periodStart();
        periodEnd = definition.periodEnd();
        salesOwners = List.copyOf(definition.salesOwners());
        marketingOwners = List.copyOf(definition.marketingOwners());
        campaignId = definition.campaignId();
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public GoalMetric metric() {
        return metric;
    }

    public BigDecimal target() {
        return target;
    }

    public LocalDate periodStart() {
        return periodStart;
    }

    public LocalDate periodEnd() {
        return periodEnd;
    }

    public List<String> salesOwners() {
        return salesOwners;
    }

    public List<String> marketingOwners() {
        return marketingOwners;
    }

    public UUID campaignId() {
        return campaignId;
    }

    public GoalStatus lastStatus() {
        return lastStatus;
    }

    public String createdBy() {
        return createdBy;
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
