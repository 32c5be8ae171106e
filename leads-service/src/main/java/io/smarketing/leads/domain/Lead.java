package io.smarketing.leads.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.smarketing.events.Channel;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadStage;

/** A person marketing captured and sales follows up; its stage changes only through its own methods. */
@Entity
@Table(name = "lead")
public class Lead {

    @Id
    private UUID id;
    private String email;
    private String name;
    private String company;
    private String title;
    private String phone;
    @Column(name = "campaign_id")
    private UUID campaignId;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private int score;
    @Enumerated(EnumType.STRING)
    private LeadStage stage;
    @Column(name = "owner_id")
    private String ownerId;
    @Column(name = "sla_due_at")
    private Instant slaDueAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Lead() {
    }

    /** A new lead, NEW until the lifecycle work adds scoring and qualification. */
    public static Capture capture(NewLead details, String by, Instant now) {
        Lead lead = new Lead();
        lead.id = UUID.randomUUID();
        lead.email = details.email().trim();
        lead.name = details.name().trim();
        lead.company = details.company();
        lead.title = details.title();
        lead.phone = details.phone();
        lead.campaignId = details.campaignId();
        lead.channel = details.channel();
        lead.score = 0;
        lead.stage = LeadStage.NEW;
        lead.createdAt = now;
        lead.updatedAt = now;
        return new Capture(lead, new LeadCreated(lead.id, lead.campaignId, lead.stage, lead.email, lead.name,
                lead.company, lead.channel, lead.score, by, now));
    }

    /** The outcome of a capture: the lead to store and the event to publish with it. */
    public record Capture(Lead lead, LeadCreated event) {
    }

    /** What a capture needs to know about the person. */
    public record NewLead(String email, String name, String company, String title, String phone, UUID campaignId,
            Channel channel) {
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public String company() {
        return company;
    }

    public String title() {
        return title;
    }

    public String phone() {
        return phone;
    }

    public UUID campaignId() {
        return campaignId;
    }

    public Channel channel() {
        return channel;
    }

    public int score() {
        return score;
    }

    public LeadStage stage() {
        return stage;
    }

    public String ownerId() {
        return ownerId;
    }

    public Instant slaDueAt() {
        return slaDueAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
