package io.smarketing.goals.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smarketing.chassis.messaging.Inbox;
import io.smarketing.goals.service.ProjectionService;

/** Feeds the shared view from the three topics it is built from. */
@ApplicationScoped
public class ViewEventsConsumer {

    private final Inbox inbox;
    private final ProjectionService projections;

    ViewEventsConsumer(Inbox inbox, ProjectionService projections) {
        this.inbox = inbox;
        this.projections = projections;
    }

    @Incoming(Inbox.CHANNEL)
    @Blocking
    @Transactional
    public void onEvent(ConsumerRecord<String, byte[]> record) {
        inbox.deliver(record, projections::apply);
    }
}
