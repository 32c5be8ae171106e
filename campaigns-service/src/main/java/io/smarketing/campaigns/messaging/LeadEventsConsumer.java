package io.smarketing.campaigns.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

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
    @Transactional
    public void onLeadEvent(ConsumerRecord<String, byte[]> record) {
        inbox.deliver(record, event -> performance.apply((LeadEvent) event.data()));
    }
}
