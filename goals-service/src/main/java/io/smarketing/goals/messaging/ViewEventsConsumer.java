package io.smarketing.goals.messaging;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smarketing.chassis.messaging.EventConsumer;
import io.smarketing.chassis.messaging.Inbox;
import io.smarketing.chassis.messaging.IncomingEvent;
import io.smarketing.events.CampaignEvent;
import io.smarketing.events.FeedbackEvent;
import io.smarketing.events.LeadEvent;
import io.smarketing.events.SmarketingEvent;
import io.smarketing.goals.service.ProjectionService;

/** Feeds the shared view from the three topics it is built from. */
@ApplicationScoped
public class ViewEventsConsumer implements EventConsumer {

    private final Inbox inbox;
    private final ProjectionService projections;

    ViewEventsConsumer(Inbox inbox, ProjectionService projections) {
        this.inbox = inbox;
        this.projections = projections;
    }

    @Override
    public String name() {
        return "shared-view";
    }

    @Override
    public Set<Class<? extends SmarketingEvent>> handles() {
        return Set.of(LeadEvent.class, CampaignEvent.class, FeedbackEvent.class);
    }

    @Incoming(Inbox.CHANNEL)
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.deliver(batch, this);
    }

    @Override
    public void handle(List<IncomingEvent> events) {
        projections.apply(events);
    }
}
