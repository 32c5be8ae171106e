package io.smarketing.feedback.domain;

import java.time.Instant;
import java.util.List;
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

import io.smarketing.events.Team;

/** One user's say in a round: sales rates the leads, marketing answers with actions. Changed only by its round. */
@Entity
@Table(name = "feedback_entry")
public class FeedbackEntry {

    @Id
    private UUID id;
    @Column(name = "round_id")
    private UUID roundId;
    private String author;
    @Enumerated(EnumType.STRING)
    private Team team;
    @Column(name = "lead_quality")
    private Integer leadQuality;
    private String comment;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> actions;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "revised_at")
    private Instant revisedAt;
    @Version
    private long version;

    protected FeedbackEntry() {
    }

    static FeedbackEntry first(UUID roundId, Team team, String author, EntryContent content, Instant at) {
        FeedbackEntry entry = new FeedbackEntry();
        entry.id = UUID.randomUUID();
        entry.roundId = roundId;
        entry.author = author;
        entry.submittedAt = at;
        return entry.take(team, content);
    }

    FeedbackEntry revise(Team newTeam, EntryContent content, Instant at) {
        revisedAt = at;
        return take(newTeam, content);
    }

    private FeedbackEntry take(Team newTeam, EntryContent content) {
        team = newTeam;
        leadQuality = content.leadQuality();
        comment = content.comment();
        actions = content.actions();
        return this;
    }

    public UUID id() {
        return id;
    }

    public UUID roundId() {
        return roundId;
    }

    public String author() {
        return author;
    }

    public Team team() {
        return team;
    }

    /** 1–5, or null: marketing need not rate its own leads. */
    public Integer leadQuality() {
        return leadQuality;
    }

    public String comment() {
        return comment;
    }

    public List<String> actions() {
        return List.copyOf(actions);
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    /** When the author last replaced the entry; null if never. */
    public Instant revisedAt() {
        return revisedAt;
    }

    public boolean revised() {
        return revisedAt != null;
    }
}
