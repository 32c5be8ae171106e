package io.smarketing.leads.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.events.Channel;

/**
 * Which MQLs go to which pool of sales reps: a rule matches by channel and/or source campaign (the default
 * rule matches every lead and is tried last), and names its reps, each with a capacity: the most assigned
 * MQLs awaiting their answer they may hold before the rule passes them over.
 */
@Entity
@Table(name = "routing_rule")
public class RoutingRule {

    @Id
    private UUID id;
    private String name;
    private int position;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Column(name = "campaign_id")
    private UUID campaignId;
    @Column(name = "is_default")
    private boolean isDefault;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "rule_id", nullable = false)
    @OrderBy("position")
    private List<PoolMember> members = new ArrayList<>();
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected RoutingRule() {
    }

    /** What an executive writes: where the rule applies and who is in its pool. */
    public record Definition(String name, Integer position, Channel channel, UUID campaignId, boolean isDefault,
            List<Seat> reps) {
    }

    /** A rep of a pool and their capacity. */
    public record Seat(String repId, int capacity) {
    }

    public static RoutingRule define(Definition definition, int position, AssignmentRules assignment, Instant now) {
        RoutingRule rule = new RoutingRule();
        rule.id = UUID.randomUUID();
        rule.createdAt = now;
        rule.redefine(definition, position, assignment, now);
        return rule;
    }

    /**
     * Replaces what the rule says. Reps who stay in the pool keep their place in the rotation, so editing a
     * capacity does not hand the next lead to someone who just had one.
     */
    public void redefine(Definition definition, int newPosition, AssignmentRules assignment, Instant now) {
        if (definition.isDefault() && (definition.channel() != null || definition.campaignId() != null)) {
            throw ProblemException.unprocessable("defaultRule", "the default rule matches every lead: it takes no channel or campaignId");
        }
        if (!definition.isDefault() && definition.channel() == null && definition.campaignId() == null) {
            throw ProblemException.unprocessable("channel",
                    "a rule matches by channel, campaignId or both; a rule for every lead is the default rule (defaultRule)");
        }
        List<Seat> seats = definition.reps();
        for (int i = 0; i < seats.size(); i++) {
            Seat seat = seats.get(i);
            if (!assignment.isSalesUser(seat.repId())) {
                throw ProblemException.unprocessable("reps[" + i + "].repId", seat.repId() + " is not a sales user");
            }
            for (int j = 0; j < i; j++) {
                if (seats.get(j).repId().equals(seat.repId())) {
                    throw ProblemException.unprocessable("reps[" + i + "].repId", seat.repId() + " is listed twice");
                }
            }
        }
        name = definition.name();
        position = newPosition;
        channel = definition.channel();
        campaignId = definition.campaignId();
        isDefault = definition.isDefault();
        Map<String, Seat> wanted = new java.util.LinkedHashMap<>();
        seats.forEach(seat -> wanted.put(seat.repId(), seat));
        members.removeIf(member -> !wanted.containsKey(member.repId()));
        int seatPosition = 0;
        for (Seat seat : seats) {
            int at = seatPosition++;
            members.stream().filter(m -> m.repId().equals(seat.repId())).findFirst().ifPresentOrElse(
                    member -> member.update(seat.capacity(), at),
                    () -> members.add(PoolMember.of(seat.repId(), seat.capacity(), at)));
        }
        updatedAt = now;
    }

    public boolean matches(Channel leadChannel, UUID leadCampaignId) {
        return isDefault || ((channel == null || channel == leadChannel)
                && (campaignId == null || campaignId.equals(leadCampaignId)));
    }

    /**
     * The next rep in this rule's rotation who may take one more lead: not away, below their capacity, still a
     * sales user; of those, the one whose last lead from this rule is the oldest (never before: first, in the
     * pool's order). Empty when nobody can take one now.
     *
     * @param loads each rep's assigned MQLs awaiting their answer
     */
    public Optional<PoolMember> nextRep(Map<String, Integer> loads, Predicate<String> available) {
        return members.stream()
                .filter(m -> available.test(m.repId()) && loads.getOrDefault(m.repId(), 0) < m.capacity())
                .min(Comparator.comparing((PoolMember m) -> m.lastTurn() == null ? Long.MIN_VALUE : m.lastTurn())
                        .thenComparingInt(PoolMember::position));
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public int position() {
        return position;
    }

    public Channel channel() {
        return channel;
    }

    public UUID campaignId() {
        return campaignId;
    }

    public boolean isDefault() {
        return isDefault;
    }

    /** The pool in its order. */
    public List<PoolMember> members() {
        return members.stream().sorted(Comparator.comparingInt(PoolMember::position)).toList();
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
