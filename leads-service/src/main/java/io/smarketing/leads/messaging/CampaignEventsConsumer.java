package io.smarketing.leads.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smarketing.chassis.messaging.Inbox;
import io.smarketing.events.CampaignEvent;
import io.smarketing.leads.service.CampaignReplicas;

@ApplicationScoped
public class CampaignEventsConsumer {

    private final Inbox inbox;
    private final CampaignReplicas replicas;

    CampaignEventsConsumer(Inbox inbox, CampaignReplicas replicas) {
        this.inbox = inbox;
        this.replicas = replicas;
    }

    @Incoming(Inbox.CHANNEL)
    @Blocking
    public CompletionStage<Void> onCampaignEvents(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.deliver(batch, events -> events.forEach(event -> replicas.apply((CampaignEvent) event.data())));
    }
}
