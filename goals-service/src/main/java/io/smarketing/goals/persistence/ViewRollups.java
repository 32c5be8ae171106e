package io.smarketing.goals.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.smarketing.chassis.persistence.StatementBatch;
import io.smarketing.chassis.rebuild.BulkReplay;

/**
 * Keeps {@code view_rollup} and its breakdowns ({@code view_rollup_reason}, {@code view_rollup_handoff}) equal to the facts' contributions summed per UTC day
 * and campaign. The facts' upserts alone decide how events merge (earliest stage times, latest descriptions,
 * insert-once rows, replaced feedback entries); the rollups add what that changed: the contributions of the
 * written rows after the writes less their contributions before. A redelivered event that changes no row
 * changes no rollup, a late event moves exactly what it moved in the facts.
 */
@ApplicationScoped
public class ViewRollups implements BulkReplay.Derived {

    /** The rollups' key for facts of no campaign. */
    public static final UUID NO_CAMPAIGN = new UUID(0, 0);
    /**
     * The rollups' key for the sum over all campaigns (no campaign included), so a read of every campaign
     * reads one row per day rather than one per day and campaign.
     */
    public static final UUID ALL_CAMPAIGNS = new UUID(-1, -1);

    private static final String CONTRIBUTIONS = """
            select (at at time zone 'UTC')::date as day, campaign_id, measure, reason, sum(value) as value
            from (
                select campaign_id, measure, reason, at, value from lead_contribution where lead_id = any(?)
                union all select campaign_id, measure, reason, at, value from touch_contribution
                    where touch_id = any(?)
                union all select campaign_id, measure, reason, at, value from feedback_contribution
                    where round_id = any(?) and (round_id, author) in (select * from unnest(?::uuid[], ?::text[]))
                union all select campaign_id, measure, reason, at, value from csat_contribution where csat_id = any(?)
                union all select campaign_id, measure, reason, at, value from spend_contribution
                    where event_id = any(?)
            ) written
            group by 1, 2, 3, 4""";
    /** Rows that are updated in place are locked first, so no other transaction changes them between the reads. */
    private static final String LOCK = """
            with leads as (select lead_id from lead_fact where lead_id = any(?) order by lead_id for update),
                 entries as (select round_id from feedback_entry_fact
                     where round_id = any(?) and (round_id, author) in (select * from unnest(?::uuid[], ?::text[]))
                     order by round_id, author for update)
            select (select count(*) from leads) + (select count(*) from entries)""";
    private static final String ADD = """
            insert into view_rollup (day, campaign_id, %s) values (?, ?, %s)
            on conflict (day, campaign_id) do update set %s""".formatted(
            Arrays.stream(Measure.values()).map(Measure::column).collect(Collectors.joining(", ")),
            String.join(", ", Collections.nCopies(Measure.values().length, "?")),
            Arrays.stream(Measure.values()).map(m -> m.column() + " = view_rollup." + m.column() + " + excluded." + m.column())
                    .collect(Collectors.joining(", ")));
    /** Rollup rows in one order in every transaction, so two consumers adding to the same days never deadlock. */
    private static final Comparator<Slot> ORDER = Comparator.comparing(Slot::day).thenComparing(Slot::campaignId);

    private final EntityManager entityManager;
    private final StatementBatch statements;

    ViewRollups(EntityManager entityManager, StatementBatch statements) {
        this.entityManager = entityManager;
        this.statements = statements;
    }

    /** One day of one campaign. */
    record Slot(LocalDate day, UUID campaignId) {
    }

    /**
     * Measures the rollups also keep broken down by the contributions' {@code reason} column, each in a table of
     * its own: rejections per reason, handoffs per histogram bucket.
     */
    enum Breakdown {
        REJECTION_REASONS(Measure.REJECTED, "view_rollup_reason", "reason", "text", reason -> reason),
        HANDOFF_BUCKETS(Measure.HANDOFFS, "view_rollup_handoff", "bucket", "integer", Integer::valueOf);

        final Measure measure;
        final String table;
        /** The column of the contributions' reason, and its type there. */
        final String key;
        final String keyType;
        final Function<String, Object> keyValue;
        final String add;

        Breakdown(Measure measure, String table, String key, String keyType, Function<String, Object> keyValue) {
            this.measure = measure;
            this.table = table;
            this.key = key;
            this.keyType = keyType;
            this.keyValue = keyValue;
            String count = measure.column();
            this.add = """
                    insert into %1$s (day, campaign_id, %2$s, %3$s) values (?, ?, ?, ?)
                    on conflict (campaign_id, day, %2$s) do update set %3$s = %1$s.%3$s + excluded.%3$s"""
                    .formatted(table, key, count);
        }

        static Breakdown of(Measure measure) {
            return Arrays.stream(values()).filter(b -> b.measure == measure).findFirst().orElse(null);
        }
    }

    /** What some fact rows add to the rollups: per slot its measures, and the breakdowns of some of them. */
    static final class Contributions {
        final Map<Slot, Totals> totals = new HashMap<>();
        final Map<Breakdown, Map<Slot, Map<String, BigDecimal>>> breakdowns = new EnumMap<>(Breakdown.class);

        void add(Slot slot, Measure measure, String reason, BigDecimal value) {
            Breakdown breakdown = reason == null ? null : Breakdown.of(measure);
            for (Slot counted : List.of(slot, new Slot(slot.day(), ALL_CAMPAIGNS))) {
                totals.computeIfAbsent(counted, s -> new Totals()).add(measure, value);
                if (breakdown != null) {
                    breakdowns.computeIfAbsent(breakdown, b -> new HashMap<>())
                            .computeIfAbsent(counted, s -> new HashMap<>()).merge(reason, value, BigDecimal::add);
                }
            }
        }
    }

    /** The contributions of the touched rows as they are now; {@code lock} locks the rows updated in place. */
    Contributions read(TouchedFacts.Keys keys, boolean lock) {
        Contributions contributions = new Contributions();
        if (keys.isEmpty()) {
            return contributions;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            if (lock) {
                try (PreparedStatement locking = connection.prepareStatement(LOCK)) {
                    setArrays(locking, connection, keys.leads(), keys.rounds(), keys.rounds(), keys.authors());
                    locking.executeQuery().close();
                }
            }
            try (PreparedStatement select = connection.prepareStatement(CONTRIBUTIONS)) {
                setArrays(select, connection, keys.leads(), keys.touches(), keys.rounds(), keys.rounds(),
                        keys.authors(), keys.csats(), keys.spends());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        contributions.add(new Slot(rows.getObject("day", LocalDate.class),
                                rows.getObject("campaign_id", UUID.class)), Measure.of(rows.getString("measure")),
                                rows.getString("reason"), rows.getBigDecimal("value"));
                    }
                }
            }
        });
        return contributions;
    }

    /** Adds {@code after} less {@code before} to the rollups, skipping slots that did not change. */
    void addDifference(Contributions before, Contributions after) {
        Map<Slot, Totals> changes = new TreeMap<>(ORDER);
        after.totals.forEach((slot, totals) -> changes.computeIfAbsent(slot, s -> new Totals()).add(totals));
        before.totals.forEach((slot, totals) -> changes.computeIfAbsent(slot, s -> new Totals()).subtract(totals));
        changes.forEach((slot, change) -> {
            if (!change.isZero()) {
                Object[] parameters = new Object[2 + Measure.values().length];
                parameters[0] = slot.day();
                parameters[1] = slot.campaignId();
                for (Measure measure : Measure.values()) {
                    parameters[2 + measure.ordinal()] = change.get(measure);
                }
                statements.add(ADD, parameters);
            }
        });
        for (Breakdown breakdown : Breakdown.values()) {
            Map<Slot, Map<String, BigDecimal>> parts = new TreeMap<>(ORDER);
            after.breakdowns.getOrDefault(breakdown, Map.of()).forEach((slot, counts) -> counts.forEach((reason, n) ->
                    parts.computeIfAbsent(slot, s -> new TreeMap<>()).merge(reason, n, BigDecimal::add)));
            before.breakdowns.getOrDefault(breakdown, Map.of()).forEach((slot, counts) -> counts.forEach((reason, n) ->
                    parts.computeIfAbsent(slot, s -> new TreeMap<>()).merge(reason, n.negate(), BigDecimal::add)));
            parts.forEach((slot, counts) -> counts.forEach((reason, n) -> {
                if (n.signum() != 0) {
                    statements.add(breakdown.add, slot.day(), slot.campaignId(), breakdown.keyValue.apply(reason), n);
                }
            }));
        }
        statements.flush();
    }

    /**
     * The rollups of all the facts at once, from the same contribution views: what a rebuild's bulk replay
     * ({@link BulkReplay}) leaves out batch by batch. Rows per day and campaign, and per day under
     * {@link #ALL_CAMPAIGNS}; one statement per rollup table.
     */
    @Override
    public List<String> fromRows() {
        String columns = Arrays.stream(Measure.values()).map(Measure::column).collect(Collectors.joining(", "));
        String sums = Arrays.stream(Measure.values())
                .map(m -> "coalesce(sum(value) filter (where measure = '" + m.column() + "'), 0)")
                .collect(Collectors.joining(", "));
        String campaign = "case when grouping(campaign_id) = 0 then campaign_id else '" + ALL_CAMPAIGNS + "' end";
        List<String> statements = new ArrayList<>();
        statements.add("""
                insert into view_rollup (day, campaign_id, %s)
                select day, %s, %s
                from (select (at at time zone 'UTC')::date as day, campaign_id, measure, value
                      from fact_contribution) contribution
                group by grouping sets ((day, campaign_id), (day))""".formatted(columns, campaign, sums));
        for (Breakdown breakdown : Breakdown.values()) {
            statements.add("""
                    insert into %s (day, campaign_id, %s, %s)
                    select day, %s, reason::%s, sum(value)
                    from (select (at at time zone 'UTC')::date as day, campaign_id, reason, value
                          from fact_contribution where measure = '%s' and reason is not null) contribution
                    group by grouping sets ((day, campaign_id, reason), (day, reason))"""
                    .formatted(breakdown.table, breakdown.key, breakdown.measure.column(), campaign,
                            breakdown.keyType, breakdown.measure.column()));
        }
        return statements;
    }

    private static void setArrays(PreparedStatement statement, Connection connection, Object[]... arrays)
            throws SQLException {
        for (int i = 0; i < arrays.length; i++) {
            statement.setArray(i + 1, connection.createArrayOf(arrays[i] instanceof UUID[] ? "uuid" : "text", arrays[i]));
        }
    }
}
