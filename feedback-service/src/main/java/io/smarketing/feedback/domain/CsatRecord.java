package io.smarketing.feedback.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.smarketing.events.FeedbackCsatRecorded;

/** A customer's satisfaction (1–5) with how a lead was handled, recorded by whoever asked them. */
@Entity
@Table(name = "csat_record")
public class CsatRecord {

    @Id
    private UUID id;
    @Column(name = "lead_id")
    private UUID leadId;
    @Column(name = "campaign_id")
    private UUID campaignId;
    private String survey;
    private int score;
    private String comment;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected CsatRecord() {
    }

    /** The survey of a score that names none: how the lead was handled. */
    public static final String DEFAULT_SURVEY = "handling";

    /** {@code campaignId} is the lead's source campaign, null when it came from none. */
    public static Recording record(UUID leadId, UUID campaignId, String survey, int score, String comment, String by,
            Instant at) {
        CsatRecord csat = new CsatRecord();
        csat.id = UUID.randomUUID();
        csat.leadId = leadId;
        csat.campaignId = campaignId;
        csat.survey = survey;
        csat.score = score;
        csat.comment = comment == null || comment.isBlank() ? null : comment.strip();
        csat.recordedBy = by;
        csat.recordedAt = at;
        return new Recording(csat, new FeedbackCsatRecorded(csat.id, leadId, campaignId, score, csat.comment, by, at));
    }

    /** The record to store and the event announcing it. */
    public record Recording(CsatRecord csat, FeedbackCsatRecorded event) {
    }

    public UUID id() {
        return id;
    }

    public UUID leadId() {
        return leadId;
    }

    public UUID campaignId() {
        return campaignId;
    }

    public String survey() {
        return survey;
    }

    public int score() {
        return score;
    }

    public String comment() {
        return comment;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
