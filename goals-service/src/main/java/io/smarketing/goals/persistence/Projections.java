package io.smarketing.goals.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * Writes the view's fact tables. Every write is an upsert that converges whatever the order or number of
 * deliveries: times of first reaching a stage keep the earliest value, descriptive columns take the latest
 * event of their aggregate (Kafka keeps each aggregate's events in order).
 */
@ApplicationScoped
public class Projections {

    private final EntityManager entityManager;

    Projections(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Column values a lead event sets: {@code first} keep their earliest value, {@code latest} are replaced. */
    public record LeadChange(UUID leadId, UUID campaignId, Instant at, Map<String, Object> first,
            Map<String, Object> latest) {

        public static LeadChange of(UUID leadId, UUID campaignId, Instant at) {
            return new LeadChange(leadId, campaignId, at, new LinkedHashMap<>(), new LinkedHashMap<>());
        }

        public LeadChange first(String column, Object value) {
            first.put(column, value);
            return this;
        }

        public LeadChange latest(String column, Object value) {
            latest.put(column, value);
            return this;
        }
    }

    public void lead(LeadChange change) {
        Map<String, Object> values = new LinkedHashMap<>(change.first());
        values.putAll(change.latest());
        String columns = values.keySet().stream().map(c -> ", " + c).collect(Collectors.joining());
        String parameters = values.keySet().stream().map(c -> ", :" + c).collect(Collectors.joining());
        String merges = change.first().keySet().stream()
                .map(c -> ", " + c + " = least(coalesce(lead_fact." + c + ", excluded." + c + "), excluded." + c + ")")
                .collect(Collectors.joining())
                + change.latest().keySet().stream().map(c -> ", " + c + " = excluded." + c).collect(Collectors.joining());
        Query upsert = entityManager.createNativeQuery("""
                insert into lead_fact (lead_id, campaign_id, last_event_at%s) values (:lead, :campaign, :at%s)
                on conflict (lead_id) do update set
                    campaign_id = coalesce(lead_fact.campaign_id, excluded.campaign_id),
                    last_event_at = greatest(lead_fact.last_event_at, excluded.last_event_at)%s"""
                .formatted(columns, parameters, merges))
                .setParameter("lead", change.leadId())
                .setParameter("campaign", change.campaignId())
                .setParameter("at", change.at());
        values.forEach(upsert::setParameter);
        upsert.executeUpdate();
        if (change.campaignId() != null) {
            knownCampaign(change.campaignId());
        }
    }

    public void touch(UUID touchId, UUID leadId, UUID campaignId, String team, String conflict, Instant at) {
        entityManager.createNativeQuery("""
                insert into touch_fact (touch_id, lead_id, campaign_id, team, conflict, occurred_at)
                values (:touch, :lead, :campaign, :team, :conflict, :at) on conflict do nothing""")
                .setParameter("touch", touchId).setParameter("lead", leadId).setParameter("campaign", campaignId)
                .setParameter("team", team).setParameter("conflict", conflict).setParameter("at", at)
                .executeUpdate();
    }

    public void campaignDescribed(UUID campaignId, String name, BigDecimal budget, UUID goalId, Instant at) {
        entityManager.createNativeQuery("""
                insert into campaign_fact (campaign_id, name, budget, goal_id, described_at)
                values (:campaign, :name, :budget, :goal, :at)
                on conflict (campaign_id) do update set name = excluded.name, budget = excluded.budget,
                    goal_id = excluded.goal_id, described_at = excluded.described_at
                where campaign_fact.described_at is null or campaign_fact.described_at <= excluded.described_at""")
                .setParameter("campaign", campaignId).setParameter("name", name).setParameter("budget", budget)
                .setParameter("goal", goalId).setParameter("at", at)
                .executeUpdate();
    }

    public void campaignStatus(UUID campaignId, String status, Instant at) {
        entityManager.createNativeQuery("""
                insert into campaign_fact (campaign_id, status, status_at) values (:campaign, :status, :at)
                on conflict (campaign_id) do update set status = excluded.status, status_at = excluded.status_at
                where campaign_fact.status_at is null or campaign_fact.status_at <= excluded.status_at""")
                .setParameter("campaign", campaignId).setParameter("status", status).setParameter("at", at)
                .executeUpdate();
    }

    public void spend(String eventId, UUID campaignId, BigDecimal amount, Instant at) {
        knownCampaign(campaignId);
        entityManager.createNativeQuery("""
                insert into spend_fact (event_id, campaign_id, amount, occurred_at)
                values (:event, :campaign, :amount, :at) on conflict do nothing""")
                .setParameter("event", eventId).setParameter("campaign", campaignId).setParameter("amount", amount)
                .setParameter("at", at)
                .executeUpdate();
    }

    public void feedbackEntry(UUID roundId, String author, UUID campaignId, String team, Integer leadQuality,
            Instant at) {
        entityManager.createNativeQuery("""
                insert into feedback_entry_fact (round_id, author, campaign_id, team, lead_quality, occurred_at)
                values (:round, :author, :campaign, :team, :quality, :at)
                on conflict (round_id, author) do update set team = excluded.team,
                    lead_quality = excluded.lead_quality, occurred_at = excluded.occurred_at
                where feedback_entry_fact.occurred_at <= excluded.occurred_at""")
                .setParameter("round", roundId).setParameter("author", author).setParameter("campaign", campaignId)
                .setParameter("team", team).setParameter("quality", leadQuality).setParameter("at", at)
                .executeUpdate();
    }

    public void csat(UUID csatId, UUID leadId, UUID campaignId, int score, Instant at) {
        entityManager.createNativeQuery("""
                insert into csat_fact (csat_id, lead_id, campaign_id, score, occurred_at)
                values (:csat, :lead, :campaign, :score, :at) on conflict do nothing""")
                .setParameter("csat", csatId).setParameter("lead", leadId).setParameter("campaign", campaignId)
                .setParameter("score", score).setParameter("at", at)
                .executeUpdate();
    }

    public void activity(String eventId, String type, String subject, String summary, String actor, UUID campaignId,
            Instant at) {
        entityManager.createNativeQuery("""
                insert into activity (event_id, type, subject, summary, actor, campaign_id, occurred_at)
                values (:event, :type, :subject, :summary, :actor, :campaign, :at) on conflict do nothing""")
                .setParameter("event", eventId).setParameter("type", type).setParameter("subject", subject)
                .setParameter("summary", summary).setParameter("actor", actor).setParameter("campaign", campaignId)
                .setParameter("at", at)
                .executeUpdate();
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
        entityManager.createNativeQuery("select pg_notify('" + ViewChangeListener.CHANNEL + "', '')").getSingleResult();
    }

    private void knownCampaign(UUID campaignId) {
        entityManager.createNativeQuery("insert into campaign_fact (campaign_id) values (:campaign) on conflict do nothing")
                .setParameter("campaign", campaignId).executeUpdate();
    }
}
