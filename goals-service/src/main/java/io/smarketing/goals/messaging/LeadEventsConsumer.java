package io.smarketing.goals.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smarketing.chassis.messaging.Inbox;
import io.smarketing.events.LeadEvent;
import io.smarketing.goals.service.ViewService;

@ApplicationScoped
public class LeadEventsConsumer {

    private final Inbox inbox;
    private final ViewService view;

    LeadEventsConsumer(Inbox inbox, ViewService view) {
        this.inbox = inbox;
        this.view = view;
    }

    @Incoming("leads")
    @Blocking
    @Transactional
    public void onLeadEvent(ConsumerRecord<String, byte[]> record) {
        inbox.deliver("leads", record, event -> view.apply((LeadEvent) event.data()));
    }
}
