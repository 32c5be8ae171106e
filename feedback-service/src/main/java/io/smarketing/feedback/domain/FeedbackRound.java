package io.smarketing.feedback.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.smarketing.events.FeedbackRoundOpened;

/** Sales and marketing's exchange about one campaign, after it ran. */
@Entity
@Table(name = "feedback_round")
public class FeedbackRound {

    @Id
    private UUID id;
    @Column(name = "campaign_id")
    private UUID campaignId;
    @Enumerated(EnumType.STRING)
    private RoundStatus status;
    @Column(name = "opened_by")
    private String openedBy;
    @Column(name = "opened_at")
    private Instant openedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Version
    private long version;

    protected FeedbackRound() {
    }

    public static Opening open(UUID campaignId, String by, Instant at) {
        FeedbackRound round = new FeedbackRound();
        round.id = UUID.randomUUID();
        round.campaignId = campaignId;
        round.status = RoundStatus.OPEN;
        round.openedBy = by;
        round.openedAt = at;
        return new Opening(round, new FeedbackRoundOpened(round.id, campaignId, by, at));
    }

    /** A new round and the event announcing it. */
    public record Opening(FeedbackRound round, FeedbackRoundOpened event) {
    }

    public UUID id() {
        return id;
    }

    public UUID campaignId() {
        return campaignId;
    }

    public RoundStatus status() {
        return status;
    }

    public String openedBy() {
        return openedBy;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }
}
