package io.smarketing.leads.messaging;

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
import io.smarketing.events.SmarketingEvent;
import io.smarketing.leads.service.CampaignReplicas;

/** Keeps the replicas of campaigns (key message, status) that touches are checked against. */
@ApplicationScoped
public class CampaignEventsConsumer implements EventConsumer {

    private final Inbox inbox;
    private final CampaignReplicas replicas;

    CampaignEventsConsumer(Inbox inbox, CampaignReplicas replicas) {
        this.inbox = inbox;
        this.replicas = replicas;
    }

    @Override
    public String name() {
        return "campaign-replicas";
    }

    @Override
    public Set<Class<? extends SmarketingEvent>> handles() {
        return Set.of(CampaignEvent.class);
    }

    @Incoming(Inbox.CHANNEL)
    @Blocking
    public CompletionStage<Void> onCampaignEvents(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.deliver(batch, this);
    }

    @Override
    public void handle(List<IncomingEvent> events) {
        events.forEach(event -> replicas.apply((CampaignEvent) event.data()));
    }
}
