package io.smarketing.feedback.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smarketing.chassis.messaging.Inbox;
import io.smarketing.events.LeadEvent;
import io.smarketing.feedback.service.FieldReasons;

@ApplicationScoped
public class LeadEventsConsumer {

    private final Inbox inbox;
    private final FieldReasons fieldReasons;

    LeadEventsConsumer(Inbox inbox, FieldReasons fieldReasons) {
        this.inbox = inbox;
        this.fieldReasons = fieldReasons;
    }

    @Incoming("leads")
    @Blocking
    @Transactional
    public void onLeadEvent(ConsumerRecord<String, byte[]> record) {
        inbox.deliver("leads", record, event -> {
            if (event.data() instanceof LeadEvent lead) {
                fieldReasons.apply(lead);
            }
        });
    }
}
