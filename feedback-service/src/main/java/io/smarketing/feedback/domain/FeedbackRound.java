package io.smarketing.feedback.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.events.FeedbackRoundClosed;
import io.smarketing.events.FeedbackRoundClosed.RoundSummary;
import io.smarketing.events.FeedbackRoundOpened;
import io.smarketing.events.FeedbackSubmitted;
import io.smarketing.events.Team;

/**
 * Sales and marketing's exchange about one campaign, after it ran: OPEN (takes entries) → CLOSED (its
 * summary frozen). Every change goes through a method here that returns the event to publish with it.
 */
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
    @Column(name = "closed_by")
    private String closedBy;
    @Column(name = "closed_at")
    private Instant closedAt;
    /** Null while open: an open round's summary is computed live. */
    @JdbcTypeCode(SqlTypes.JSON)
    private RoundSummary summary;
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

    /**
     * Records a team member's entry: the first one of this author, or a revision of the earlier one (same
     * entry id). The team is the caller's, decided by the caller's role, not by the request.
     */
    public Submission submit(Optional<FeedbackEntry> earlier, Team team, String author, EntryContent content,
            Instant at) {
        requireOpen("takes no more entries");
        content.requireCompleteFor(team);
        FeedbackEntry entry = earlier.map(existing -> existing.revise(team, content, at))
                .orElseGet(() -> FeedbackEntry.first(id, team, author, content, at));
        boolean revised = earlier.isPresent();
        return new Submission(entry, revised, new FeedbackSubmitted(id, campaignId, entry.id(), team, author,
                entry.leadQuality(), entry.comment(), entry.actions(), revised, at));
    }

    /** The entry to store and the event announcing it; {@code revised} when it replaced an earlier one. */
    public record Submission(FeedbackEntry entry, boolean revised, FeedbackSubmitted event) {
    }

    /** Closes the round with its summary, which stays as it is from now on. */
    public FeedbackRoundClosed close(RoundSummary finalSummary, String by, Instant at) {
        requireOpen("is closed already");
        status = RoundStatus.CLOSED;
        summary = finalSummary;
        closedBy = by;
        closedAt = at;
        return new FeedbackRoundClosed(id, campaignId, finalSummary, by, at);
    }

    private void requireOpen(String otherwise) {
        if (status != RoundStatus.OPEN) {
            throw ProblemException.conflict("Feedback round " + id + " is " + status + " and " + otherwise);
        }
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

    public String closedBy() {
        return closedBy;
    }

    public Instant closedAt() {
        return closedAt;
    }

    /** The summary frozen at closing; empty while the round is open. */
    public Optional<RoundSummary> closingSummary() {
        return Optional.ofNullable(summary);
    }
}
