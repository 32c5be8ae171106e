package io.smarketing.chassis.probe;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smarketing.chassis.messaging.Inbox;
import io.smarketing.chassis.messaging.IncomingEvent;
import io.smarketing.events.LeadEvent;

/** A consumer as the chassis expects one: thin, deduplicated by the inbox, effect in the same transaction. */
@ApplicationScoped
public class ProbeConsumer {

    private final Inbox inbox;
    private final EntityManager entityManager;

    ProbeConsumer(Inbox inbox, EntityManager entityManager) {
        this.inbox = inbox;
        this.entityManager = entityManager;
    }

    @Incoming(Inbox.CHANNEL)
    @Blocking
    public CompletionStage<Void> onLeadEvent(Message<byte[]> message) {
        return inbox.deliver(message, this::recordEffect);
    }

    private void recordEffect(IncomingEvent event) {
        LeadEvent lead = (LeadEvent) event.data();
        entityManager.createNativeQuery("insert into probe_effect (lead_id, event_id) values (:lead, :event)")
                .setParameter("lead", lead.leadId()).setParameter("event", event.id()).executeUpdate();
    }
}
