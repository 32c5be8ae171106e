package io.smarketing.leads.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

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
    @Transactional
    public void onCampaignEvent(ConsumerRecord<String, byte[]> record) {
        inbox.deliver(record, event -> replicas.apply((CampaignEvent) event.data()));
    }
}
