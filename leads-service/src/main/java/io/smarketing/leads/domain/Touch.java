package io.smarketing.leads.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.smarketing.events.Channel;
import io.smarketing.events.Team;

/** One contact with a lead by either team, or a repeated submission of it; made by {@link Lead#touch}. */
@Entity
@Table(name = "touch")
public class Touch {

    @Id
    private UUID id;
    @Column(name = "lead_id")
    private UUID leadId;
    @Enumerated(EnumType.STRING)
    private Team team;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String subject;
    @Column(name = "message_key")
    private String messageKey;
    @Column(name = "campaign_id")
    private UUID campaignId;
    private String conflict;
    /** A repeated submission is the customer reaching out, not a message to them: no conflict rules apply. */
    private boolean submission;
    @Column(name = "by_user")
    private String by;
    @Column(name = "occurred_at")
    private Instant occurredAt;

    protected Touch() {
    }

    static Touch of(UUID leadId, Team team, NewTouch details, String conflict, boolean submission, String by,
            Instant at) {
        Touch touch = new Touch();
        touch.id = UUID.randomUUID();
        touch.leadId = leadId;
        touch.team = team;
        touch.channel = details.channel();
        touch.subject = details.subject();
        touch.messageKey = details.messageKey();
        touch.campaignId = details.campaignId();
        touch.conflict = conflict;
        touch.submission = submission;
        touch.by = by;
        touch.occurredAt = at;
        return touch;
    }

    /** What a person says they did. */
    public record NewTouch(Channel channel, String subject, String messageKey, UUID campaignId) {

        public NewTouch {
            subject = subject == null ? null : subject.trim();
            messageKey = messageKey == null || messageKey.isBlank() ? null : messageKey.trim();
        }
    }

    public UUID id() {
        return id;
    }

    public UUID leadId() {
        return leadId;
    }

    public Team team() {
        return team;
    }

    public Channel channel() {
        return channel;
    }

    public String subject() {
        return subject;
    }

    public String messageKey() {
        return messageKey;
    }

    public UUID campaignId() {
        return campaignId;
    }

    public String conflict() {
        return conflict;
    }

    public boolean submission() {
        return submission;
    }

    public String by() {
        return by;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
