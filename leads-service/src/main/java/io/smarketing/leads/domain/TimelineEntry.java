package io.smarketing.leads.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.smarketing.events.EventCatalog;
import io.smarketing.events.EventJson;
import io.smarketing.events.LeadEvent;
import io.smarketing.events.LeadStage;

/**
 * One line of a lead's history: every event a lead publishes is also kept here, in the same transaction,
 * so the timeline shows exactly what the rest of the platform was told, in the order it happened.
 */
@Entity
@Table(name = "lead_timeline")
public class TimelineEntry {

    private static final String TYPE_PREFIX = "io.smarketing.lead.";
    private static final String TYPE_SUFFIX = ".v1";

    @Id
    private UUID id;
    /** Insertion order, assigned by the database; ties of {@code occurredAt} keep the order of the changes. */
    @Column(insertable = false, updatable = false)
    private Long seq;
    @Column(name = "lead_id")
    private UUID leadId;
    private String type;
    @Enumerated(EnumType.STRING)
    private LeadStage stage;
    @Column(name = "by_user")
    private String by;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    /** The event's data as published. */
    private String data;

    protected TimelineEntry() {
    }

    public static TimelineEntry of(LeadEvent event) {
        return of(event, EventJson.write(event));
    }

    /** The entry of an event already serialized: {@code json} is its {@link EventJson} form. */
    public static TimelineEntry of(LeadEvent event, byte[] json) {
        TimelineEntry entry = new TimelineEntry();
        entry.id = UUID.randomUUID();
        entry.leadId = event.leadId();
        entry.type = shortType(EventCatalog.of(event.getClass()).ceType());
        entry.stage = event.stage();
        entry.by = event.by();
        entry.occurredAt = event.occurredAt();
        entry.data = new String(json, StandardCharsets.UTF_8);
        return entry;
    }

    /** {@code io.smarketing.lead.sla-breached.v1} → {@code sla-breached}. */
    static String shortType(String ceType) {
        String type = ceType.startsWith(TYPE_PREFIX) ? ceType.substring(TYPE_PREFIX.length()) : ceType;
        return type.endsWith(TYPE_SUFFIX) ? type.substring(0, type.length() - TYPE_SUFFIX.length()) : type;
    }

    public UUID leadId() {
        return leadId;
    }

    public String type() {
        return type;
    }

    public LeadStage stage() {
        return stage;
    }

    public String by() {
        return by;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String data() {
        return data;
    }
}
