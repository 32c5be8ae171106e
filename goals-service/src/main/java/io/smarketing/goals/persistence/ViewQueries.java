package io.smarketing.goals.persistence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import io.smarketing.goals.domain.HandoffTimes;
import io.smarketing.goals.domain.SharedView;
import io.smarketing.goals.domain.ViewFilter;
import io.smarketing.goals.domain.ViewNumbers;
import io.smarketing.goals.domain.ViewSeries;

/**
 * Reads the view's numbers for a filter. Every number counts events by when they happened: a lead counts as
 * an MQL in the window in which it became one. A window's whole UTC days come from the rollups, only its
 * partial first and last day from the facts (through the same contribution views the rollups are kept
 * with), so a read costs days × campaigns, not the history's facts.
 */
@ApplicationScoped
public class ViewQueries {

    private static final String CAMPAIGN = "(:anyCampaign or campaign_id = :campaign)";
    /** The rollup rows of the filter: one campaign's, or the all-campaigns sum. */
    private static final String ROLLUP_OF_FILTER = "campaign_id = case when :anyCampaign then '%s'::uuid else :campaign end"
            .formatted(ViewRollups.ALL_CAMPAIGNS);
    /** The rollup rows of each campaign of the filter. */
    private static final String ROLLUP_PER_CAMPAIGN = "campaign_id <> '%s' and %s"
            .formatted(ViewRollups.ALL_CAMPAIGNS, CAMPAIGN);
    private static final String PARTIAL_DAYS = "((at >= :from1 and at < :to1) or (at >= :from2 and at < :to2))";
    /** The measures' columns, their sums, and the facts' contributions pivoted into them. */
    private static final String MEASURES = Arrays.stream(Measure.values()).map(Measure::column)
            .collect(Collectors.joining(", "));
    private static final String SUMS = Arrays.stream(Measure.values())
            .map(m -> "sum(%1$s) as %1$s".formatted(m.column())).collect(Collectors.joining(", "));
    private static final String PIVOT = Arrays.stream(Measure.values())
            .map(m -> "sum(value) filter (where measure = '%1$s') as %1$s".formatted(m.column()))
            .collect(Collectors.joining(", "));

    private final EntityManager entityManager;

    ViewQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** How the measures of a window are grouped: not at all, by campaign, or by day. */
    private enum Grouping {
        NONE("''", "''", ROLLUP_OF_FILTER), CAMPAIGN("campaign_id::text", "campaign_id::text", ROLLUP_PER_CAMPAIGN),
        DAY("day::text", "((at at time zone 'UTC')::date)::text", ROLLUP_OF_FILTER);

        final String ofRollup;
        final String ofFacts;
        final String rollupRows;

        Grouping(String ofRollup, String ofFacts, String rollupRows) {
            this.ofRollup = ofRollup;
            this.ofFacts = ofFacts;
            this.rollupRows = rollupRows;
        }
    }

    public ViewNumbers numbers(ViewFilter filter) {
        Totals totals = totals(filter, Grouping.NONE).getOrDefault("", new Totals());
        @SuppressWarnings("unchecked")
        List<Tuple> reasons = query("""
                select reason, sum(rejected) as rejected from (
                    select reason, rejected from view_rollup_reason
                        where day >= :firstDay and day < :endDay and %1$s
                    union all
                    select reason, value from fact_contribution
                        where measure = 'rejected' and reason is not null and %2$s and %3$s
                ) reasons
                group by reason order by sum(rejected) desc, reason limit 5""".formatted(ROLLUP_OF_FILTER, PARTIAL_DAYS,
                CAMPAIGN),
                filter).getResultList();
        return numbers(totals, reasons.stream().map(r -> new ViewNumbers.ReasonCount(r.get("reason", String.class),
                ((Number) r.get("rejected")).longValue())).toList(), handoff(filter));
    }

    /**
     * The numbers of many windows in one read, for goals: each window's numbers but its rejection reasons
     * (empty) and handoff times (null), which no goal measures. Fifty goals cost one statement, not fifty.
     */
    public Map<ViewFilter, ViewNumbers> measured(Collection<ViewFilter> filters) {
        List<ViewFilter> windows = List.copyOf(new LinkedHashSet<>(filters));
        Map<ViewFilter, ViewNumbers> measured = new LinkedHashMap<>();
        if (windows.isEmpty()) {
            return measured;
        }
        StringJoiner json = new StringJoiner(",", "[", "]");
        for (int i = 0; i < windows.size(); i++) {
            json.add(Window.of(windows.get(i)).json(i));
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                select w.i as grouped, %1$s
                from jsonb_to_recordset(cast(:windows as jsonb)) as w(i integer, any_campaign boolean, campaign uuid,
                    first_day date, end_day date, from1 timestamptz, to1 timestamptz, from2 timestamptz, to2 timestamptz)
                cross join lateral (
                    select %2$s from view_rollup
                        where day >= w.first_day and day < w.end_day
                          and campaign_id = case when w.any_campaign then '%4$s'::uuid else w.campaign end
                    union all
                    select %3$s from fact_contribution
                        where ((at >= w.from1 and at < w.to1) or (at >= w.from2 and at < w.to2))
                          and (w.any_campaign or campaign_id = w.campaign)
                ) parts
                group by w.i""".formatted(SUMS, MEASURES, PIVOT, ViewRollups.ALL_CAMPAIGNS), Tuple.class)
                .setParameter("windows", json.toString()).getResultList();
        Map<Integer, Totals> byWindow = new LinkedHashMap<>();
        rows.forEach(row -> byWindow.put(((Number) row.get("grouped")).intValue(), totalsOf(row)));
        for (int i = 0; i < windows.size(); i++) {
            measured.put(windows.get(i), numbers(byWindow.getOrDefault(i, new Totals()), List.of(), null));
        }
        return measured;
    }

    private static ViewNumbers numbers(Totals totals, List<ViewNumbers.ReasonCount> reasons, ViewNumbers.Handoff handoff) {
        return new ViewNumbers(
                new ViewNumbers.Funnel(totals.count(Measure.LEADS), totals.count(Measure.MQLS),
                        totals.count(Measure.SQLS), totals.count(Measure.WON), totals.count(Measure.LOST),
                        totals.count(Measure.REJECTED)),
                money(totals.get(Measure.REVENUE)),
                ViewNumbers.Sla.of(totals.count(Measure.SLA_ASSIGNED), totals.count(Measure.SLA_MET),
                        totals.count(Measure.SLA_BREACHED)),
                average(totals, Measure.QUALITY_SUM, Measure.QUALITY_COUNT),
                average(totals, Measure.CSAT_SUM, Measure.CSAT_COUNT), totals.count(Measure.CSAT_COUNT),
                reasons, totals.count(Measure.CONFLICTS), handoff);
    }

    /** The handoff times of the window, from the summed histogram buckets of its days. */
    private ViewNumbers.Handoff handoff(ViewFilter filter) {
        @SuppressWarnings("unchecked")
        List<Tuple> buckets = query("""
                select bucket, sum(handoffs) as handoffs from (
                    select bucket, handoffs from view_rollup_handoff
                        where day >= :firstDay and day < :endDay and %1$s
                    union all
                    select reason::integer, value from fact_contribution
                        where measure = 'handoffs' and %2$s and %3$s
                ) buckets
                group by bucket""".formatted(ROLLUP_OF_FILTER, PARTIAL_DAYS, CAMPAIGN), filter).getResultList();
        SortedMap<Integer, Long> histogram = new TreeMap<>();
        buckets.forEach(b -> histogram.put(((Number) b.get("bucket")).intValue(), ((Number) b.get("handoffs")).longValue()));
        return HandoffTimes.of(histogram);
    }

    /** Leads, revenue, spend and ROI per campaign, best revenue first. */
    public List<SharedView.CampaignLine> campaigns(ViewFilter filter) {
        Map<String, Totals> byCampaign = totals(filter, Grouping.CAMPAIGN);
        @SuppressWarnings("unchecked")
        List<Tuple> campaigns = ofCampaign("""
                select campaign_id, name, status, budget from campaign_fact where %s""".formatted(CAMPAIGN), filter)
                .getResultList();
        return campaigns.stream().map(c -> {
            UUID id = c.get("campaign_id", UUID.class);
            Totals totals = byCampaign.getOrDefault(id.toString(), new Totals());
            BigDecimal revenue = money(totals.get(Measure.REVENUE));
            BigDecimal spend = money(totals.get(Measure.SPEND));
            BigDecimal roi = spend.signum() == 0 ? null
                    : revenue.subtract(spend).divide(spend, 4, RoundingMode.HALF_UP);
            return new SharedView.CampaignLine(id, c.get("name", String.class), c.get("status", String.class),
                    money((BigDecimal) c.get("budget")), totals.count(Measure.LEADS), revenue, spend, roi);
        }).sorted(SharedView.CampaignLine.BEST_REVENUE_FIRST).toList();
    }

    /** The trend numbers per UTC day of the window, for the days that have any. */
    public Map<LocalDate, ViewSeries.Numbers> daily(ViewFilter filter) {
        Map<LocalDate, ViewSeries.Numbers> days = new LinkedHashMap<>();
        totals(filter, Grouping.DAY).forEach((day, totals) -> days.put(LocalDate.parse(day), new ViewSeries.Numbers(
                totals.count(Measure.LEADS), totals.count(Measure.MQLS), totals.count(Measure.SQLS),
                totals.count(Measure.WON), money(totals.get(Measure.REVENUE)), totals.count(Measure.SLA_MET),
                totals.count(Measure.SLA_BREACHED))));
        return days;
    }

    public List<SharedView.Activity> recentActivity(int limit) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                select a.type, a.subject, a.summary, a.actor, a.occurred_at, c.name as campaign
                from activity a left join campaign_fact c on c.campaign_id = a.campaign_id
                order by a.occurred_at desc, a.event_id limit :limit""", Tuple.class)
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new SharedView.Activity(r.get("type", String.class),
                r.get("subject", String.class), r.get("summary", String.class), r.get("actor", String.class),
                r.get("occurred_at", Instant.class), r.get("campaign", String.class))).toList();
    }

    public Instant lastEventAt() {
        return entityManager.createNativeQuery("select max(occurred_at) from activity", Instant.class)
                .getSingleResult() instanceof Instant last ? last : null;
    }

    /** Every measure summed per group: the rollups' whole days plus the facts' partial days. */
    private Map<String, Totals> totals(ViewFilter filter, Grouping grouping) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query("""
                select grouped, %1$s from (
                    select %4$s as grouped, %2$s from view_rollup
                        where day >= :firstDay and day < :endDay and %8$s
                    union all
                    select %5$s, %3$s from fact_contribution where %7$s and %6$s group by 1
                ) parts
                group by grouped""".formatted(SUMS, MEASURES, PIVOT, grouping.ofRollup, grouping.ofFacts, CAMPAIGN,
                PARTIAL_DAYS, grouping.rollupRows), filter).getResultList();
        Map<String, Totals> groups = new LinkedHashMap<>();
        rows.forEach(row -> groups.put(row.get("grouped", String.class), totalsOf(row)));
        return groups;
    }

    private static Totals totalsOf(Tuple row) {
        Totals totals = new Totals();
        for (Measure measure : Measure.values()) {
            totals.add(measure, (BigDecimal) row.get(measure.column()));
        }
        return totals;
    }

    /**
     * A read of the window's numbers: its whole days [firstDay, endDay) read from the rollups, and the instants
     * [from1, to1) and [from2, to2) before and after them read from the facts (either may be empty).
     */
    private Query query(String sql, ViewFilter filter) {
        Window window = Window.of(filter);
        return ofCampaign(sql, filter)
                .setParameter("firstDay", window.firstDay())
                .setParameter("endDay", window.endDay())
                .setParameter("from1", window.from1())
                .setParameter("to1", window.to1())
                .setParameter("from2", window.from2())
                .setParameter("to2", window.to2());
    }

    /** A filter's window split into whole UTC days and the partial instants before and after them. */
    private record Window(ViewFilter filter, LocalDate firstDay, LocalDate endDay, Instant from1, Instant to1,
            Instant from2, Instant to2) {

        static Window of(ViewFilter filter) {
            Instant from = filter.fromOrBeginning();
            Instant to = filter.toOrEnd();
            Instant firstDay = from.truncatedTo(ChronoUnit.DAYS);
            if (firstDay.isBefore(from)) {
                firstDay = firstDay.plus(1, ChronoUnit.DAYS);
            }
            Instant endDay = to.truncatedTo(ChronoUnit.DAYS);
            if (endDay.isBefore(firstDay)) { // no midnight inside the window: all of it is partial
                firstDay = to;
                endDay = to;
            }
            return new Window(filter, LocalDate.ofInstant(firstDay, ZoneOffset.UTC),
                    LocalDate.ofInstant(endDay, ZoneOffset.UTC), from, firstDay, endDay.isAfter(from) ? endDay : to, to);
        }

        /** As a row of {@code jsonb_to_recordset}: every value is a number, a boolean, a UUID, a date or an instant. */
        String json(int index) {
            return ("{\"i\":%d,\"any_campaign\":%b,\"campaign\":%s,\"first_day\":\"%s\",\"end_day\":\"%s\","
                    + "\"from1\":\"%s\",\"to1\":\"%s\",\"from2\":\"%s\",\"to2\":\"%s\"}").formatted(index,
                    filter.campaignId() == null, filter.campaignId() == null ? "null" : "\"" + filter.campaignId() + "\"",
                    firstDay, endDay, from1, to1, from2, to2);
        }
    }

    /** A read of the filter's campaign (or all of them). */
    private Query ofCampaign(String sql, ViewFilter filter) {
        return entityManager.createNativeQuery(sql, Tuple.class)
                .setParameter("anyCampaign", filter.campaignId() == null)
                .setParameter("campaign", filter.campaignId() == null ? ViewRollups.NO_CAMPAIGN : filter.campaignId());
    }

    private static BigDecimal money(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal average(Totals totals, Measure sum, Measure count) {
        return totals.count(count) == 0 ? null
                : totals.get(sum).divide(totals.get(count), 2, RoundingMode.HALF_UP);
    }
}
