package io.smarketing.campaigns.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.smarketing.chassis.persistence.StatementBatch;


import io.smarketing.campaigns.domain.FunnelCounts;
import io.smarketing.campaigns.domain.Milestones;
import io.smarketing.campaigns.domain.Touch;
import io.smarketing.campaigns.domain.WonLead;

/**
 * The facts of every lead, from smarketing.leads.v1, keyed by lead and naming its source campaign whether or not
 * this database knows that campaign. Upserts only turn flags on, keep the first source and the first win, and
 * insert each touch once, so a lead's events applied in any order, or again, converge on the same rows.
 */
@ApplicationScoped
public class LeadFacts {

    private static final String COUNTS = """
            count(*), count(*) filter (where reached_mql), count(*) filter (where reached_sql),
            count(*) filter (where won), count(*) filter (where lost), count(*) filter (where rejected)""";

    private final EntityManager entityManager;
    private final StatementBatch statements;

    LeadFacts(EntityManager entityManager, StatementBatch statements) {
        this.entityManager = entityManager;
        this.statements = statements;
    }

    public void record(UUID leadId, UUID sourceCampaignId, Milestones reached, Instant at) {
        statements.add("""
                insert into lead_fact (lead_id, source_campaign_id, reached_mql, reached_sql, won, lost, rejected,
                                       last_event_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (lead_id) do update set
                    source_campaign_id = coalesce(lead_fact.source_campaign_id, excluded.source_campaign_id),
                    reached_mql = lead_fact.reached_mql or excluded.reached_mql,
                    reached_sql = lead_fact.reached_sql or excluded.reached_sql,
                    won = lead_fact.won or excluded.won,
                    lost = lead_fact.lost or excluded.lost,
                    rejected = lead_fact.rejected or excluded.rejected,
                    last_event_at = greatest(lead_fact.last_event_at, excluded.last_event_at)""",
                leadId, sourceCampaignId, reached.mql(), reached.sql(), reached.won(), reached.lost(), reached.rejected(),
                at);
    }

    /**
     * The deal's amount and time; the first win stays if a lead were ever reported won twice. Sent after the
     * batch's {@link #record} upserts (its text was added after theirs), so the lead's row exists.
     */
    public void recordWin(UUID leadId, BigDecimal amount, Instant at) {
        statements.add("""
                update lead_fact set won_amount = ?, won_at = ?
                where lead_id = ? and (won_at is null or won_at > ?)""", amount, at, leadId, at);
    }

    public void recordTouch(UUID touchId, UUID leadId, UUID campaignId, Instant at) {
        statements.add("""
                insert into lead_touch (touch_id, lead_id, campaign_id, occurred_at) values (?, ?, ?, ?)
                on conflict (touch_id) do nothing""", touchId, leadId, campaignId, at);
    }

    /** Sends the writes collected in this transaction (a consumer batch's) to the database. */
    public void flush() {
        statements.flush();
    }

    /** The funnel of the leads a campaign sourced. */
    public FunnelCounts funnelOf(UUID campaignId) {
        Object[] row = (Object[]) entityManager.createNativeQuery(
                "select " + COUNTS + " from lead_fact where source_campaign_id = :campaign")
                .setParameter("campaign", campaignId).getSingleResult();
        return counts(row, 0);
    }

    /** The funnels of every source campaign. */
    public Map<UUID, FunnelCounts> funnels() {
        Map<UUID, FunnelCounts> funnels = new HashMap<>();
        for (Object row : entityManager.createNativeQuery("select source_campaign_id, " + COUNTS
                + " from lead_fact where source_campaign_id is not null group by source_campaign_id").getResultList()) {
            Object[] columns = (Object[]) row;
            funnels.put((UUID) columns[0], counts(columns, 1));
        }
        return funnels;
    }

    /** Won deals that any model could credit to the campaign: it sourced them or touched them. */
    public List<WonLead> wonLeadsInvolving(UUID campaignId) {
        return wonLeads("""
                and (f.source_campaign_id = :campaign
                     or exists (select 1 from lead_touch x where x.lead_id = f.lead_id and x.campaign_id = :campaign))""",
                campaignId);
    }

    /** Every won deal, with its touches. */
    public List<WonLead> wonLeads() {
        return wonLeads("", null);
    }

    private List<WonLead> wonLeads(String condition, UUID campaignId) {
        var query = entityManager.createNativeQuery("""
                select f.lead_id, f.source_campaign_id, f.won_amount, f.won_at, t.touch_id, t.campaign_id, t.occurred_at
                from lead_fact f left join lead_touch t on t.lead_id = f.lead_id
                where f.won_at is not null""" + " " + condition + " order by f.lead_id");
        if (campaignId != null) {
            query.setParameter("campaign", campaignId);
        }
        Map<UUID, WonLeadRows> byLead = new LinkedHashMap<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            WonLeadRows lead = byLead.computeIfAbsent((UUID) columns[0], id -> new WonLeadRows(id, (UUID) columns[1],
                    (BigDecimal) columns[2], instant(columns[3])));
            if (columns[4] != null) {
                lead.touches.add(new Touch((UUID) columns[4], (UUID) columns[5], instant(columns[6])));
            }
        }
        return byLead.values().stream().map(WonLeadRows::toWonLead).toList();
    }

    private record WonLeadRows(UUID leadId, UUID source, BigDecimal amount, Instant wonAt, List<Touch> touches) {
        WonLeadRows(UUID leadId, UUID source, BigDecimal amount, Instant wonAt) {
            this(leadId, source, amount, wonAt, new ArrayList<>());
        }

        WonLead toWonLead() {
            return new WonLead(leadId, source, amount, wonAt, touches);
        }
    }

    private static FunnelCounts counts(Object[] row, int from) {
        return new FunnelCounts(count(row[from]), count(row[from + 1]), count(row[from + 2]), count(row[from + 3]),
                count(row[from + 4]), count(row[from + 5]));
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
