package io.smarketing.feedback.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smarketing.chassis.messaging.Inbox;
import io.smarketing.events.CampaignCompleted;
import io.smarketing.feedback.service.RoundService;

@ApplicationScoped
public class CampaignEventsConsumer {

    private final Inbox inbox;
    private final RoundService rounds;

    CampaignEventsConsumer(Inbox inbox, RoundService rounds) {
        this.inbox = inbox;
        this.rounds = rounds;
    }

    @Incoming("campaigns")
    @Blocking
    @Transactional
    public void onCampaignEvent(ConsumerRecord<String, byte[]> record) {
        inbox.deliver("campaigns", record, event -> {
            if (event.data() instanceof CampaignCompleted completed) {
                rounds.openFor(completed);
            }
        });
    }
}
