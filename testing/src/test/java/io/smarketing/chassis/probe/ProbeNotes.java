package io.smarketing.chassis.probe;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.smarketing.chassis.outbox.Outbox;
import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.events.Channel;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadStage;

/** A service as the chassis expects one: change and event in one transaction. */
@ApplicationScoped
public class ProbeNotes {

    private final EntityManager entityManager;
    private final Outbox outbox;

    ProbeNotes(EntityManager entityManager, Outbox outbox) {
        this.entityManager = entityManager;
        this.outbox = outbox;
    }

    @Transactional
    public UUID create(String text, Channel channel, String by, boolean failAfterWriting) {
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("insert into probe_note (id, text) values (:id, :text)")
                .setParameter("id", id).setParameter("text", text).executeUpdate();
        outbox.publish(new LeadCreated(id, null, LeadStage.NEW, id + "@probe.test", text, null, channel, 10, by,
                Instant.now()));
        if (failAfterWriting) {
            throw ProblemException.conflict("Note " + id + " rolled back on purpose");
        }
        return id;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(UUID id) {
        return !entityManager.createNativeQuery("select 1 from probe_note where id = :id")
                .setParameter("id", id).getResultList().isEmpty();
    }
}
