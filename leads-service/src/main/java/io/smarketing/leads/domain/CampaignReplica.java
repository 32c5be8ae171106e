package io.smarketing.leads.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.smarketing.events.CampaignStatus;

/** leads-service's copy of a campaign: enough to check a lead's campaign and a touch's key message. */
@Entity
@Table(name = "campaign_replica")
public class CampaignReplica {

    @Id
    private UUID id;
    private String name;
    @Enumerated(EnumType.STRING)
    private CampaignStatus status;
    @Column(name = "key_message")
    private String keyMessage;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected CampaignReplica() {
    }

    /** A campaign first heard of; its description may follow later if events arrive out of order. */
    public static CampaignReplica first(UUID id, Instant at) {
        CampaignReplica campaign = new CampaignReplica();
        campaign.id = id;
        campaign.status = CampaignStatus.DRAFT;
        campaign.updatedAt = at;
        return campaign;
    }

    public void describe(String name, String keyMessage, Instant at) {
        this.name = name;
        this.keyMessage = keyMessage;
        this.updatedAt = at;
    }

    public void moveTo(CampaignStatus status, Instant at) {
        this.status = status;
        this.updatedAt = at;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public CampaignStatus status() {
        return status;
    }

    public String keyMessage() {
        return keyMessage;
    }
}
