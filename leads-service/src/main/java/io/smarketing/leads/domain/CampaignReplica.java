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
    /** When the name and key message applied were set: an older description arriving later is ignored. */
    @Column(name = "described_at")
    private Instant describedAt;
    /** When the status applied was reached: an older status arriving later is ignored. */
    @Column(name = "status_at")
    private Instant statusAt;

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

    /** Takes the campaign's name and key message as of {@code at}, unless a later description is known. */
    public void describe(String name, String keyMessage, Instant at) {
        if (describedAt == null || !at.isBefore(describedAt)) {
            this.name = name;
            this.keyMessage = keyMessage;
            this.describedAt = at;
            touched(at);
        }
    }

    /** Takes the campaign's status as of {@code at}, unless a later status is known. */
    public void moveTo(CampaignStatus status, Instant at) {
        if (statusAt == null || !at.isBefore(statusAt)) {
            this.status = status;
            this.statusAt = at;
            touched(at);
        }
    }

    private void touched(Instant at) {
        if (updatedAt == null || at.isAfter(updatedAt)) {
            updatedAt = at;
        }
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
