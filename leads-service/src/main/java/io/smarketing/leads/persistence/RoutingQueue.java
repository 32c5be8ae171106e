package io.smarketing.leads.persistence;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.hibernate.Session;

import io.smarketing.events.Channel;
import io.smarketing.events.LeadStage;

/** The MQLs waiting for the router, oldest first ({@code routing_queue}). */
@ApplicationScoped
public class RoutingQueue {

    private final EntityManager entityManager;

    RoutingQueue(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A waiting entry and what the router needs of its lead to route it. */
    public record Waiting(long seq, UUID leadId, Instant queuedAt, LeadStage stage, String ownerId, Channel channel,
            UUID campaignId) {

        public boolean isUnownedMql() {
            return stage == LeadStage.MQL && ownerId == null;
        }
    }

    /** Puts the leads at the back of the queue, in this order (a lead already waiting keeps its place). */
    public void enqueue(Collection<UUID> leadIds, Instant now) {
        if (leadIds.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into routing_queue (lead_id, queued_at)
                    select lead_id, ? from unnest(?::uuid[]) with ordinality as ids (lead_id, n) order by n
                    on conflict (lead_id) do nothing""")) {
                insert.setObject(1, now.atOffset(ZoneOffset.UTC));
                insert.setArray(2, connection.createArrayOf("uuid", leadIds.toArray()));
                insert.executeUpdate();
            }
        });
    }

    /** Up to {@code limit} entries after {@code afterSeq}, in queue order. */
    public List<Waiting> after(long afterSeq, int limit) {
        return read(afterSeq, 0, limit);
    }

    /** A page of the queue: {@code limit} entries from the {@code offset}-th. */
    public List<Waiting> page(int offset, int limit) {
        return read(0, offset, limit);
    }

    private List<Waiting> read(long afterSeq, int offset, int limit) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                select q.seq, q.lead_id, q.queued_at, l.stage, l.owner_id, l.channel, l.campaign_id
                from routing_queue q join lead l on l.id = q.lead_id
                where q.seq > :after order by q.seq offset :offset limit :limit""", Tuple.class)
                .setParameter("after", afterSeq).setParameter("offset", offset).setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(r -> new Waiting(((Number) r.get("seq")).longValue(), r.get("lead_id", UUID.class),
                r.get("queued_at", Instant.class), LeadStage.valueOf(r.get("stage", String.class)),
                r.get("owner_id", String.class), Channel.valueOf(r.get("channel", String.class)),
                r.get("campaign_id", UUID.class))).toList();
    }

    public long size() {
        return ((Number) entityManager.createNativeQuery("select count(*) from routing_queue").getSingleResult())
                .longValue();
    }

    public boolean isEmpty() {
        return entityManager.createNativeQuery("select 1 from routing_queue limit 1").getResultList().isEmpty();
    }

    public void remove(UUID leadId) {
        entityManager.createNativeQuery("delete from routing_queue where lead_id = :lead").setParameter("lead", leadId)
                .executeUpdate();
    }
}
