package io.smarketing.campaigns.messaging;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smarketing.campaigns.service.PerformanceProjection;
import io.smarketing.chassis.messaging.EventConsumer;
import io.smarketing.chassis.messaging.Inbox;
import io.smarketing.chassis.messaging.IncomingEvent;
import io.smarketing.events.LeadEvent;
import io.smarketing.events.SmarketingEvent;

/** Every lead event is a fact of campaign performance. */
@ApplicationScoped
public class LeadEventsConsumer implements EventConsumer {

    private final Inbox inbox;
    private final PerformanceProjection performance;

    LeadEventsConsumer(Inbox inbox, PerformanceProjection performance) {
        this.inbox = inbox;
        this.performance = performance;
    }

    @Override
    public String name() {
        return "campaign-performance";
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
        performance.apply(events.stream().map(e -> (LeadEvent) e.data()).toList());
    }
}
