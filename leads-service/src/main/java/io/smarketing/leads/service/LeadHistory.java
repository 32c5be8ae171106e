package io.smarketing.leads.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.smarketing.chassis.outbox.Outbox;
import io.smarketing.events.EventJson;
import io.smarketing.events.LeadEvent;
import io.smarketing.leads.domain.TimelineEntry;
import io.smarketing.leads.persistence.TimelineRepository;

/**
 * Where every lead change and touch goes: the lead's timeline and the outbox, in the caller's transaction,
 * so the history shows exactly what the platform was told, and neither exists without the other. Routing
 * hears of each change here too ({@link RoutingTrigger}), so no path to MQL can skip it.
 */
@ApplicationScoped
public class LeadHistory {

    private final TimelineRepository timeline;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final RoutingTrigger routing;

    LeadHistory(TimelineRepository timeline, Outbox outbox, EntityManager entityManager, RoutingTrigger routing) {
        this.timeline = timeline;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.routing = routing;
    }

    @Transactional(TxType.MANDATORY)
    public void record(LeadEvent event) {
        byte[] json = EventJson.write(event);
        timeline.persist(TimelineEntry.of(event, json));
        outbox.publish(event, json);
        routing.recorded(List.of(event));
    }

    /**
     * The bulk form for imports: timeline rows and outbox rows go to the database in JDBC batches. The
     * persistence context is emptied on the way (the caller must not use its entities afterwards), so it
     * stays small however long the file is.
     */
    @Transactional(TxType.MANDATORY)
    public void recordAllAndClear(List<? extends LeadEvent> events) {
        events.forEach(event -> timeline.persist(TimelineEntry.of(event)));
        entityManager.flush();
        entityManager.clear();
        outbox.publishAll(events);
        routing.recorded(events);
    }
}
