package io.smarketing.campaigns.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smarketing.campaigns.service.PerformanceProjection;
import io.smarketing.chassis.messaging.Inbox;
import io.smarketing.events.LeadEvent;

@ApplicationScoped
public class LeadEventsConsumer {

    private final Inbox inbox;
    private final PerformanceProjection performance;

    LeadEventsConsumer(Inbox inbox, PerformanceProjection performance) {
        this.inbox = inbox;
        this.performance = performance;
    }

    @Incoming(Inbox.CHANNEL)
    @Blocking
    public CompletionStage<Void> onLeadEvents(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.deliver(batch, events -> performance.apply(events.stream().map(e -> (LeadEvent) e.data()).toList()));
    }
}
