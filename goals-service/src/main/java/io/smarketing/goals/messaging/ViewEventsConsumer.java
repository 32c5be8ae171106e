package io.smarketing.goals.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
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
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.deliver(batch, projections::apply);
    }
}
