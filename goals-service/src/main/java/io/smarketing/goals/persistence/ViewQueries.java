package io.smarketing.goals.persistence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.smarketing.goals.domain.SharedView;
import io.smarketing.goals.domain.ViewFilter;
import io.smarketing.goals.domain.ViewNumbers;

/**
 * Reads the fact tables for a filter. Every number counts events by when they happened: a lead counts as
 * an MQL in the window in which it became one.
 */
@ApplicationScoped
public class ViewQueries {

    private static final UUID NO_CAMPAIGN = new UUID(0, 0);

    private final EntityManager entityManager;

    ViewQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public ViewNumbers numbers(ViewFilter filter) {
        Object[] leads = (Object[]) query("""
                select count(*) filter (where %s), count(*) filter (where %s), count(*) filter (where %s),
                       count(*) filter (where %s), count(*) filter (where %s), count(*) filter (where %s),
                       coalesce(sum(amount) filter (where %s), 0),
                       count(*) filter (where %s),
                       count(*) filter (where within_sla and %s),
                       count(*) filter (where (%s) or (within_sla = false and sla_breached_at is null and %s))
                from lead_fact""".formatted(window("created_at"), window("mql_at"), window("sql_at"),
                window("won_at"), window("lost_at"), window("rejected_at"), window("won_at"),
                window("assigned_at"), window("responded_at"), window("sla_breached_at"), window("responded_at")),
                filter).getSingleResult();
        Object[] feedback = (Object[]) query("""
                select (select avg(lead_quality) from feedback_entry_fact
                            where team = 'SALES' and lead_quality is not null and %s),
                       (select avg(score) from csat_fact where %s),
                       (select count(*) from csat_fact where %s),
                       (select count(*) from touch_fact where conflict is not null and %s)"""
                .formatted(window("occurred_at"), window("occurred_at"), window("occurred_at"),
                        window("occurred_at")), filter).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> reasons = query("""
                select rejection_reason, count(*) from lead_fact where rejection_reason is not null and %s
                group by rejection_reason order by count(*) desc, rejection_reason limit 5"""
                .formatted(window("rejected_at")), filter).getResultList();

        return new ViewNumbers(
                new ViewNumbers.Funnel(count(leads[0]), count(leads[1]), count(leads[2]), count(leads[3]),
                        count(leads[4]), count(leads[5])),
                money(leads[6]),
                ViewNumbers.Sla.of(count(leads[7]), count(leads[8]), count(leads[9])),
                average(feedback[0]), average(feedback[1]), count(feedback[2]),
                reasons.stream().map(r -> new ViewNumbers.ReasonCount((String) r[0], count(r[1]))).toList(),
                count(feedback[3]));
    }

    /** Leads, revenue, spend and ROI per campaign, best revenue first. */
    public List<SharedView.CampaignLine> campaigns(ViewFilter filter) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query("""
                select c.campaign_id, c.name, c.status, c.budget,
                       (select count(*) from lead_fact l where l.campaign_id = c.campaign_id and %s),
                       (select coalesce(sum(amount), 0) from lead_fact l where l.campaign_id = c.campaign_id and %s),
                       (select coalesce(sum(amount), 0) from spend_fact s where s.campaign_id = c.campaign_id and %s)
                from campaign_fact c where (:anyCampaign or campaign_id = :campaign)"""
                .formatted(window("created_at", "l."), window("won_at", "l."), window("occurred_at", "s.")),
                filter).getResultList();
        return rows.stream().map(r -> {
            BigDecimal revenue = money(r[5]);
            BigDecimal spend = money(r[6]);
            BigDecimal roi = spend.signum() == 0 ? null
                    : revenue.subtract(spend).divide(spend, 4, RoundingMode.HALF_UP);
            return new SharedView.CampaignLine((UUID) r[0], (String) r[1], (String) r[2], money(r[3]), count(r[4]),
                    revenue, spend, roi);
        }).sorted((a, b) -> b.revenue().compareTo(a.revenue())).toList();
    }

    public List<SharedView.Activity> recentActivity(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select a.type, a.subject, a.summary, a.actor, a.occurred_at, c.name
                from activity a left join campaign_fact c on c.campaign_id = a.campaign_id
                order by a.occurred_at desc, a.event_id limit :limit""")
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new SharedView.Activity((String) r[0], (String) r[1], (String) r[2],
                (String) r[3], (Instant) r[4], (String) r[5])).toList();
    }

    public Instant lastEventAt() {
        return entityManager.createNativeQuery("select max(occurred_at) from activity", Instant.class)
                .getSingleResult() instanceof Instant last ? last : null;
    }

    private Query query(String sql, ViewFilter filter) {
        return entityManager.createNativeQuery(sql)
                .setParameter("from", filter.fromOrBeginning())
                .setParameter("to", filter.toOrEnd())
                .setParameter("anyCampaign", filter.campaignId() == null)
                .setParameter("campaign", filter.campaignId() == null ? NO_CAMPAIGN : filter.campaignId());
    }

    private static String window(String timeColumn) {
        return window(timeColumn, "");
    }

    /** The time and campaign conditions every number shares, on one time column of a table alias. */
    private static String window(String timeColumn, String alias) {
        return "(%1$s%2$s >= :from and %1$s%2$s < :to and (:anyCampaign or %1$scampaign_id = :campaign))"
                .formatted(alias, timeColumn);
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private static BigDecimal money(Object value) {
        return value == null ? null : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal average(Object value) {
        return value == null ? null : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
    }
}
