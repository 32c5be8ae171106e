package io.smarketing.campaigns.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.annotations.Blocking;
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
    public CompletionStage<Void> onLeadEvent(Message<byte[]> message) {
        return inbox.deliver(message, event -> performance.apply((LeadEvent) event.data()));
    }
}
