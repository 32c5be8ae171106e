package io.smarketing.chassis;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Reads the chassis tables behind the probe application, for assertions. */
@ApplicationScoped
@Transactional
public class ProbeDatabase {

    private final EntityManager entityManager;

    ProbeDatabase(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public OffsetDateTime publishedAt(String key) {
        List<?> rows = entityManager.createNativeQuery(
                "select published_at from outbox_event where record_key = :key", OffsetDateTime.class)
                .setParameter("key", key).getResultList();
        return rows.isEmpty() ? null : (OffsetDateTime) rows.get(0);
    }

    public long outboxRows(String key) {
        return ((Number) entityManager.createNativeQuery("select count(*) from outbox_event where record_key = :key")
                .setParameter("key", key).getSingleResult()).longValue();
    }

    public long effects(UUID leadId) {
        return ((Number) entityManager.createNativeQuery("select count(*) from probe_effect where lead_id = :lead")
                .setParameter("lead", leadId).getSingleResult()).longValue();
    }

    public long effectsOfEvent(String eventId) {
        return ((Number) entityManager.createNativeQuery("select count(*) from probe_effect where event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue();
    }

    public long processed(String eventId) {
        return ((Number) entityManager.createNativeQuery("select count(*) from processed_event where event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue();
    }

    /** The consumers that recorded the event as processed. */
    @SuppressWarnings("unchecked")
    public List<String> processedBy(String eventId) {
        return entityManager.createNativeQuery("select consumer from processed_event where event_id = :id order by 1")
                .setParameter("id", eventId).getResultList();
    }

    /** Records the event as processed by a consumer, as the inbox would. */
    @jakarta.transaction.Transactional
    public void markProcessed(String consumer, String eventId) {
        entityManager.createNativeQuery("insert into processed_event (consumer, event_id, ce_type) values (:c, :id, 'test')")
                .setParameter("c", consumer).setParameter("id", eventId).executeUpdate();
    }

    /** A server setting as the services' own sessions see it. */
    public String setting(String name) {
        return (String) entityManager.createNativeQuery("select current_setting(:name)").setParameter("name", name)
                .getSingleResult();
    }

    /** Where a session's setting comes from: {@code client} when the driver set it at connect. */
    public String settingSource(String name) {
        return (String) entityManager.createNativeQuery("select source from pg_settings where name = :name")
                .setParameter("name", name).getSingleResult();
    }

    /** The server's own default of a setting, which sessions that do not set it get. */
    public String serverDefault(String name) {
        return (String) entityManager.createNativeQuery("select reset_val from pg_settings where name = :name")
                .setParameter("name", name).getSingleResult();
    }
}
