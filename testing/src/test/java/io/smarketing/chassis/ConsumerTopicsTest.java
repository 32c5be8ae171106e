package io.smarketing.chassis;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.smarketing.chassis.messaging.ConsumerTopics;
import io.smarketing.chassis.messaging.EventConsumer;
import io.smarketing.chassis.messaging.IncomingEvent;
import io.smarketing.events.CampaignCompleted;
import io.smarketing.events.CampaignEvent;
import io.smarketing.events.LeadEvent;
import io.smarketing.events.SmarketingEvent;
import io.smarketing.events.Topics;

/** A service whose subscribed topics and handled event types disagree does not start. */
class ConsumerTopicsTest {

    private record Declared(String name, Set<Class<? extends SmarketingEvent>> handles) implements EventConsumer {
        @Override
        public void handle(List<IncomingEvent> events) {
        }
    }

    private static EventConsumer handling(Set<Class<? extends SmarketingEvent>> types) {
        return new Declared("test-consumer", types);
    }

    private static String refused(List<String> topics, List<EventConsumer> consumers) {
        return assertThrows(IllegalStateException.class, () -> ConsumerTopics.verify(topics, consumers)).getMessage();
    }

    @Test
    void topicsAndHandledTypesThatAgreeStart() {
        assertDoesNotThrow(() -> ConsumerTopics.verify(List.of(Topics.LEADS, " " + Topics.CAMPAIGNS),
                List.of(handling(Set.of(LeadEvent.class, CampaignCompleted.class)))));
        assertDoesNotThrow(() -> ConsumerTopics.verify(List.of(), List.of()));
    }

    @Test
    void aTopicAddedWithoutCodeFailsAtStart() {
        String message = refused(List.of(Topics.LEADS, Topics.FEEDBACK), List.of(handling(Set.of(LeadEvent.class))));
        assertTrue(message.contains("no handled type is published on [" + Topics.FEEDBACK + "]"), message);
    }

    @Test
    void aHandledTypeWhoseTopicIsNotSubscribedFailsAtStart() {
        String message = refused(List.of(Topics.LEADS), List.of(handling(Set.of(LeadEvent.class, CampaignEvent.class))));
        assertTrue(message.contains("not subscribed: [" + Topics.CAMPAIGNS + "]"), message);
    }

    @Test
    void topicsWithoutAConsumerFailAtStart() {
        assertTrue(refused(List.of(Topics.LEADS), List.of()).contains("no EventConsumer"));
    }

    @Test
    void aServiceHasOneConsumerOnItsChannel() {
        refused(List.of(Topics.LEADS), List.of(handling(Set.of(LeadEvent.class)), handling(Set.of(LeadEvent.class))));
    }

    @Test
    void aTypeOutsideTheContractFailsAtStart() {
        refused(List.of(Topics.LEADS), List.of(handling(Set.of(Unknown.class))));
    }

    /** Not a type of the contract: no topic carries it. */
    private record Unknown(String subject, Instant occurredAt) implements SmarketingEvent {
    }
}
