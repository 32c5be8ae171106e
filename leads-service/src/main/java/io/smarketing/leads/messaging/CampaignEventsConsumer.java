package io.smarketing.leads.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.annotations.Blocking;
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
    public CompletionStage<Void> onCampaignEvent(Message<byte[]> message) {
        return inbox.deliver(message, event -> replicas.apply((CampaignEvent) event.data()));
    }
}
