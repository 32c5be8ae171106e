package io.smarketing.feedback.messaging;

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
import io.smarketing.events.CampaignCompleted;
import io.smarketing.events.LeadEvent;
import io.smarketing.events.SmarketingEvent;
import io.smarketing.feedback.service.FieldReasons;
import io.smarketing.feedback.service.RoundService;

/** A completed campaign opens its round; its leads' rejections and losses are the reasons from the field. */
@ApplicationScoped
public class FeedbackEventsConsumer implements EventConsumer {

    private final Inbox inbox;
    private final RoundService rounds;
    private final FieldReasons fieldReasons;

    FeedbackEventsConsumer(Inbox inbox, RoundService rounds, FieldReasons fieldReasons) {
        this.inbox = inbox;
        this.rounds = rounds;
        this.fieldReasons = fieldReasons;
    }

    @Override
    public String name() {
        return "feedback-rounds";
    }

    @Override
    public Set<Class<? extends SmarketingEvent>> handles() {
        return Set.of(CampaignCompleted.class, LeadEvent.class);
    }

    @Incoming(Inbox.CHANNEL)
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.deliver(batch, this);
    }

    @Override
    public void handle(List<IncomingEvent> events) {
        events.forEach(this::apply);
        fieldReasons.flush();
    }

    private void apply(IncomingEvent event) {
        if (event.data() instanceof CampaignCompleted completed) {
            rounds.openFor(completed);
        } else if (event.data() instanceof LeadEvent lead) {
            fieldReasons.apply(lead);
        }
    }
}
