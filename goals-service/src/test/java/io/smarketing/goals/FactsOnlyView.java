package io.smarketing.goals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.smarketing.goals.domain.HandoffTimes;
import io.smarketing.goals.domain.SharedView;
import io.smarketing.goals.domain.ViewFilter;
import io.smarketing.goals.domain.ViewNumbers;

/**
 * The view's numbers read from the facts alone, exactly as ViewQueries read them before there were rollups:
 * the reference the rollups are tested against, and the "before" of the benchmark.
 */
public final class FactsOnlyView {

    private static final UUID NO_CAMPAIGN = new UUID(0, 0);

    private FactsOnlyView() {
    }

    public static ViewNumbers numbers(EntityManager entityManager, ViewFilter filter) {
        Object[] leads = (Object[]) query(entityManager, """
                select count(*) filter (where %s), count(*) filter (where %s), count(*) filter (where %s),
                       count(*) filter (where %s), count(*) filter (where %s), count(*) filter (where %s),
                       coalesce(sum(amount) filter (where %s), 0),
                       count(*) filter (where %s),
                       count(*) filter (where within_sla and %s),
                       count(*) filter (where (%s) or (within_sla = false and sla_breached_at is null and %s))
                from lead_fact""".formatted(window("created_at"), window("mql_at"), window("sql_at"),
                window("won_at"), window("lost_at"), window("rejected_at"), window("won_at"),
                window("assigned_at"), window("responded_at"), window("sla_breached_at"),
                window("responded_at")), filter).getSingleResult();
        Object[] feedback = (Object[]) query(entityManager, """
                select (select avg(lead_quality) from feedback_entry_fact
                            where team = 'SALES' and lead_quality is not null and %s),
                       (select avg(score) from csat_fact where %s),
                       (select count(*) from csat_fact where %s),
                       (select count(*) from touch_fact where conflict is not null and %s)"""
                .formatted(window("occurred_at"), window("occurred_at"), window("occurred_at"),
                        window("occurred_at")), filter).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> reasons = query(entityManager, """
                select rejection_reason, count(*) from lead_fact where rejection_reason is not null and %s
                group by rejection_reason order by count(*) desc, rejection_reason limit 5"""
                .formatted(window("rejected_at")), filter).getResultList();
        return new ViewNumbers(
                new ViewNumbers.Funnel(count(leads[0]), count(leads[1]), count(leads[2]), count(leads[3]),
                        count(leads[4]), count(leads[5])),
                scaled(leads[6]), ViewNumbers.Sla.of(count(leads[7]), count(leads[8]), count(leads[9])),
                scaled(feedback[0]), scaled(feedback[1]), count(feedback[2]),
                reasons.stream().map(r -> new ViewNumbers.ReasonCount((String) r[0], count(r[1]))).toList(),
                count(feedback[3]), handoff(entityManager, filter));
    }

    /** The handoffs of the window: its leads' buckets counted straight from the facts. */
    private static ViewNumbers.Handoff handoff(EntityManager entityManager, ViewFilter filter) {
        @SuppressWarnings("unchecked")
        List<Object[]> buckets = query(entityManager, """
                select handoff_bucket, count(*) from lead_fact where handoff_bucket is not null and %s
                group by handoff_bucket""".formatted(window("handoff_at")), filter).getResultList();
        SortedMap<Integer, Long> histogram = new TreeMap<>();
        buckets.forEach(b -> histogram.put(((Number) b[0]).intValue(), count(b[1])));
        return HandoffTimes.of(histogram);
    }

    public static List<SharedView.CampaignLine> campaigns(EntityManager entityManager, ViewFilter filter) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query(entityManager, """
                select c.campaign_id, c.name, c.status, c.budget,
                       (select count(*) from lead_fact l where l.campaign_id = c.campaign_id and %s),
                       (select coalesce(sum(amount), 0) from lead_fact l where l.campaign_id = c.campaign_id and %s),
                       (select coalesce(sum(amount), 0) from spend_fact s where s.campaign_id = c.campaign_id and %s)
                from campaign_fact c where (:anyCampaign or campaign_id = :campaign)"""
                .formatted(window("created_at", "l."), window("won_at", "l."), window("occurred_at", "s.")),
                filter).getResultList();
        return rows.stream().map(r -> {
            BigDecimal revenue = scaled(r[5]);
            BigDecimal spend = scaled(r[6]);
            BigDecimal roi = spend.signum() == 0 ? null
                    : revenue.subtract(spend).divide(spend, 4, RoundingMode.HALF_UP);
            return new SharedView.CampaignLine((UUID) r[0], (String) r[1], (String) r[2], scaled(r[3]),
                    count(r[4]), revenue, spend, roi);
        }).sorted(SharedView.CampaignLine.BEST_REVENUE_FIRST).toList();
    }

    private static Query query(EntityManager entityManager, String sql, ViewFilter filter) {
        return entityManager.createNativeQuery(sql)
                .setParameter("from", filter.fromOrBeginning())
                .setParameter("to", filter.toOrEnd())
                .setParameter("anyCampaign", filter.campaignId() == null)
                .setParameter("campaign", filter.campaignId() == null ? NO_CAMPAIGN
                        : filter.campaignId());
    }

    private static String window(String timeColumn) {
        return window(timeColumn, "");
    }

    private static String window(String timeColumn, String alias) {
        return "(%1$s%2$s >= :from and %1$s%2$s < :to and (:anyCampaign or %1$scampaign_id = :campaign))"
                .formatted(alias, timeColumn);
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private static BigDecimal scaled(Object value) {
        return value == null ? null : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
    }
}
