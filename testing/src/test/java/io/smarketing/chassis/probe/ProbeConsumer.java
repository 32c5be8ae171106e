package io.smarketing.chassis.probe;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smarketing.chassis.messaging.EventConsumer;
import io.smarketing.chassis.messaging.Inbox;
import io.smarketing.chassis.messaging.IncomingEvent;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadEvent;
import io.smarketing.events.SmarketingEvent;

/** A consumer as the chassis expects one: thin, deduplicated by the inbox, effect in the same transaction. */
@ApplicationScoped
public class ProbeConsumer implements EventConsumer {

    /** Its name in processed_event. */
    public static final String NAME = "probe";

    /** A lead of this name fails in the handler on every attempt: a poison record that decodes fine. */
    public static final String POISON = "Poison";

    private final Inbox inbox;
    private final EntityManager entityManager;

    ProbeConsumer(Inbox inbox, EntityManager entityManager) {
        this.inbox = inbox;
        this.entityManager = entityManager;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Class<? extends SmarketingEvent>> handles() {
        return Set.of(LeadEvent.class);
    }

    @Incoming(Inbox.CHANNEL)
    @Blocking
    public CompletionStage<Void> onLeadEvents(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.deliver(batch, this);
    }

    @Override
    public void handle(List<IncomingEvent> events) {
        events.forEach(this::recordEffect);
    }

    private void recordEffect(IncomingEvent event) {
        LeadEvent lead = (LeadEvent) event.data();
        if (lead instanceof LeadCreated created && POISON.equals(created.name())) {
            throw new IllegalArgumentException("The probe cannot take a lead named " + POISON);
        }
        entityManager.createNativeQuery("insert into probe_effect (lead_id, event_id) values (:lead, :event)")
                .setParameter("lead", lead.leadId()).setParameter("event", event.id()).executeUpdate();
    }
}
