package io.smarketing.goals.persistence;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.smarketing.chassis.persistence.StatementBatch;
import io.smarketing.chassis.rebuild.BulkReplay;

/**
 * Writes the view's fact tables. Every write is an upsert that converges whatever the order or number of
 * deliveries: times of first reaching a stage keep the earliest value, descriptive columns take the latest
 * event of their aggregate (Kafka keeps each aggregate's events in order). Writes are collected in the
 * transaction (lead rows merged per lead in {@link PendingLeads}, the rest in its {@link StatementBatch}) and sent
 * by {@link #flush()}, once per consumer batch, which keeps the {@link ViewRollups} in step in the same
 * transaction.
 */
@ApplicationScoped
public class Projections {

    /** Times of first reaching a stage: the earliest wins, whatever order the events come in. */
    private static final List<String> FIRST_COLUMNS = List.of("created_at", "mql_at", "sql_at", "won_at", "lost_at",
            "rejected_at", "sla_breached_at");
    /** Descriptive columns: the latest event of the lead that sets one wins (Kafka keeps a lead's events in order). */
    private static final List<String> LATEST_COLUMNS = List.of("amount", "rejection_reason", "loss_reason", "owner_id",
            "assigned_at", "sla_due_at", "responded_at", "within_sla", "handoff_at", "handoff_bucket");
    private static final List<String> LEAD_COLUMNS = Stream.of(List.of("lead_id", "campaign_id", "last_event_at"),
            FIRST_COLUMNS, LATEST_COLUMNS).flatMap(List::stream).toList();
    /** The SQL type of each column of {@link #LEAD_COLUMNS}: the batch's rows go in as one text array per column. */
    private static final Map<String, String> LEAD_TYPES = LEAD_COLUMNS.stream().collect(Collectors.toMap(c -> c,
            c -> switch (c) {
                case "lead_id", "campaign_id" -> "uuid";
                case "amount" -> "numeric";
                case "rejection_reason", "loss_reason", "owner_id" -> "text";
                case "within_sla" -> "boolean";
                case "handoff_bucket" -> "integer";
                default -> "timestamptz";
            }));
    /**
     * A batch's lead rows, one per lead (merged by {@link PendingLeads}), in one statement: a column an event does
     * not set is null, which least() and coalesce() pass over.
     */
    private static final String LEAD_UPSERT = """
            insert into lead_fact (%1$s)
            select %2$s from unnest(%3$s) as incoming (%1$s)
            on conflict (lead_id) do update set
                campaign_id = coalesce(lead_fact.campaign_id, excluded.campaign_id),
                last_event_at = greatest(lead_fact.last_event_at, excluded.last_event_at), %4$s, %5$s"""
            .formatted(String.join(", ", LEAD_COLUMNS),
                    LEAD_COLUMNS.stream().map(c -> "incoming." + c + "::" + LEAD_TYPES.get(c)).collect(Collectors.joining(", ")),
                    String.join(", ", Collections.nCopies(LEAD_COLUMNS.size(), "?::text[]")),
                    FIRST_COLUMNS.stream().map(c -> c + " = least(lead_fact." + c + ", excluded." + c + ")")
                            .collect(Collectors.joining(", ")),
                    LATEST_COLUMNS.stream().map(c -> c + " = coalesce(excluded." + c + ", lead_fact." + c + ")")
                            .collect(Collectors.joining(", ")));

    private final EntityManager entityManager;
    private final StatementBatch statements;
    private final TouchedFacts touched;
    private final PendingLeads pendingLeads;
    private final PendingCampaigns pendingCampaigns;
    private final ViewRollups rollups;
    private final BulkReplay bulkReplay;

    Projections(EntityManager entityManager, StatementBatch statements, TouchedFacts touched,
            PendingLeads pendingLeads, PendingCampaigns pendingCampaigns, ViewRollups rollups, BulkReplay bulkReplay) {
        this.entityManager = entityManager;
        this.statements = statements;
        this.touched = touched;
        this.pendingLeads = pendingLeads;
        this.pendingCampaigns = pendingCampaigns;
        this.rollups = rollups;
        this.bulkReplay = bulkReplay;
    }

    /** Column values a lead event sets: {@code first} keep their earliest value, {@code latest} are replaced. */
    public record LeadChange(UUID leadId, UUID campaignId, Instant at, Map<String, Object> first,
            Map<String, Object> latest) {

        public static LeadChange of(UUID leadId, UUID campaignId, Instant at) {
            return new LeadChange(leadId, campaignId, at, new LinkedHashMap<>(), new LinkedHashMap<>());
        }

        public LeadChange first(String column, Object value) {
            return set(first, column, value, FIRST_COLUMNS);
        }

        public LeadChange latest(String column, Object value) {
            return set(latest, column, value, LATEST_COLUMNS);
        }

        private LeadChange set(Map<String, Object> values, String column, Object value, List<String> allowed) {
            if (!allowed.contains(column)) {
                throw new IllegalArgumentException(column + " is not one of " + allowed);
            }
            if (value != null) { // null sets nothing, as in the upsert
                values.put(column, value);
            }
            return this;
        }

        /**
         * This change followed by a later one of the same lead, as the upsert applies the two in turn: the first
         * campaign, the latest time, the earliest stage times, the later descriptions.
         */
        LeadChange then(LeadChange later) {
            LeadChange both = of(leadId, campaignId != null ? campaignId : later.campaignId,
                    at.isAfter(later.at) ? at : later.at);
            both.first.putAll(first);
            later.first.forEach((column, time) -> both.first.merge(column, time, (a, b) ->
                    ((Instant) a).isAfter((Instant) b) ? b : a));
            both.latest.putAll(latest);
            both.latest.putAll(later.latest);
            return both;
        }

        private Object value(String column) {
            return switch (column) {
                case "lead_id" -> leadId;
                case "campaign_id" -> campaignId;
                case "last_event_at" -> at;
                default -> first.containsKey(column) ? first.get(column) : latest.get(column);
            };
        }
    }

    public void lead(LeadChange change) {
        pendingLeads.add(change);
        touched.lead(change.leadId());
        if (change.campaignId() != null) {
            knownCampaign(change.campaignId());
        }
    }

    /** The batch's lead rows, one statement for all of them, in the order of their ids. */
    private void writeLeads() {
        List<LeadChange> changes = pendingLeads.take();
        changes.sort(Comparator.comparing(LeadChange::leadId));
        for (LeadChange change : changes) {
            statements.addRow(LEAD_UPSERT, LEAD_COLUMNS.stream().map(change::value).toArray());
        }
    }

    public void touch(UUID touchId, UUID leadId, UUID campaignId, String team, String conflict, Instant at) {
        statements.add("""
                insert into touch_fact (touch_id, lead_id, campaign_id, team, conflict, occurred_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""", touchId, leadId, campaignId, team, conflict, at);
        touched.touch(touchId);
    }

    public void campaignDescribed(UUID campaignId, String name, BigDecimal budget, UUID goalId, Instant at) {
        knownCampaign(campaignId);
        statements.add("""
                insert into campaign_fact (campaign_id, name, budget, goal_id, described_at) values (?, ?, ?, ?, ?)
                on conflict (campaign_id) do update set name = excluded.name, budget = excluded.budget,
                    goal_id = excluded.goal_id, described_at = excluded.described_at
                where campaign_fact.described_at is null or campaign_fact.described_at <= excluded.described_at""",
                campaignId, name, budget, goalId, at);
    }

    public void campaignStatus(UUID campaignId, String status, Instant at) {
        knownCampaign(campaignId);
        statements.add("""
                insert into campaign_fact (campaign_id, status, status_at) values (?, ?, ?)
                on conflict (campaign_id) do update set status = excluded.status, status_at = excluded.status_at
                where campaign_fact.status_at is null or campaign_fact.status_at <= excluded.status_at""",
                campaignId, status, at);
    }

    public void spend(String eventId, UUID campaignId, BigDecimal amount, Instant at) {
        knownCampaign(campaignId);
        statements.add("""
                insert into spend_fact (event_id, campaign_id, amount, occurred_at) values (?, ?, ?, ?)
                on conflict do nothing""", eventId, campaignId, amount, at);
        touched.spend(eventId);
    }

    public void feedbackEntry(UUID roundId, String author, UUID campaignId, String team, Integer leadQuality,
            Instant at) {
        statements.add("""
                insert into feedback_entry_fact (round_id, author, campaign_id, team, lead_quality, occurred_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (round_id, author) do update set team = excluded.team,
                    lead_quality = excluded.lead_quality, occurred_at = excluded.occurred_at
                where feedback_entry_fact.occurred_at <= excluded.occurred_at""",
                roundId, author, campaignId, team, leadQuality, at);
        touched.feedbackEntry(roundId, author);
    }

    public void csat(UUID csatId, UUID leadId, UUID campaignId, int score, Instant at) {
        statements.add("""
                insert into csat_fact (csat_id, lead_id, campaign_id, score, occurred_at) values (?, ?, ?, ?, ?)
                on conflict do nothing""", csatId, leadId, campaignId, score, at);
        touched.csat(csatId);
    }

    public void activity(String eventId, String type, String subject, String summary, String actor, UUID campaignId,
            Instant at) {
        statements.addRow("""
                insert into activity (event_id, type, subject, summary, actor, campaign_id, occurred_at)
                select event_id, type, subject, summary, actor, campaign_id::uuid, occurred_at::timestamptz
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    as incoming (event_id, type, subject, summary, actor, campaign_id, occurred_at)
                on conflict do nothing""", eventId, type, subject, summary, actor, campaignId, at);
    }

    /**
     * Sends the writes collected in this transaction (a consumer batch's) to the database, the lead rows in one
     * statement and every other table's in one JDBC batch, and adds to the
     * rollups what they changed: the written rows' contributions after, less before.
     */
    public void flush() {
        TouchedFacts.Keys keys = touched.take();
        // Before any other write of campaign rows: every transaction then takes them in the same order.
        writeCampaigns();
        if (bulkReplay.active()) { // the rollups are computed from all the facts when the bulk replay ends
            writeLeads();
            statements.flush();
            return;
        }
        ViewRollups.Contributions before = rollups.read(keys, true);
        writeLeads();
        statements.flush();
        rollups.addDifference(before, rollups.read(keys, false));
    }

    /** Keeps the newest {@code keep} activity rows. */
    public int trimActivity(int keep) {
        return entityManager.createNativeQuery("""
                delete from activity where event_id in
                    (select event_id from activity order by occurred_at desc, event_id offset :keep)""")
                .setParameter("keep", keep).executeUpdate();
    }

    /** Tells every instance, at commit, that the view changed (PostgreSQL delivers NOTIFY only on commit). */
    public void notifyViewChanged() {
        if (bulkReplay.active()) { // nobody reads the tables of a bulk replay
            return;
        }
        entityManager.createNativeQuery("select pg_notify('" + ViewChangeListener.CHANNEL + "', '')").getSingleResult();
    }

    private void knownCampaign(UUID campaignId) {
        pendingCampaigns.add(campaignId);
    }

    /** A row for every campaign the batch names, in id order, in one statement. */
    private void writeCampaigns() {
        List<UUID> campaigns = pendingCampaigns.take();
        if (campaigns.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into campaign_fact (campaign_id)
                    select campaign_id from unnest(?::uuid[]) with ordinality as named (campaign_id, position)
                    order by position
                    on conflict do nothing""")) {
                insert.setArray(1, connection.createArrayOf("uuid", campaigns.toArray()));
                insert.executeUpdate();
            }
        });
    }
}
