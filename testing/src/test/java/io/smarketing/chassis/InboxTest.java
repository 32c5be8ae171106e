package io.smarketing.chassis;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.chassis.messaging.CloudEventRecord;
import io.smarketing.events.Channel;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadQualified;
import io.smarketing.events.LeadStage;
import io.smarketing.events.Topics;
import io.smarketing.testing.RealInfrastructure;
import io.smarketing.testing.TopicProbe;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class InboxTest {

    @Inject
    ProbeDatabase database;

    @Test
    void theSameCloudEventDeliveredTwiceHasOneEffect() {
        UUID leadId = UUID.randomUUID();
        ProducerRecord<String, byte[]> record = CloudEventRecord.toRecord(leadCreated(leadId), TopicProbe.TEST_SOURCE);
        String eventId = TopicProbe.header(record, CloudEventRecord.ID);

        TopicProbe.send(record);
        TopicProbe.send(record);
        // A later event of the same lead is consumed after both copies (same key, same partition).
        String markerId = TopicProbe.publish(new LeadQualified(leadId, null, LeadStage.MQL, 70, "test", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> database.processed(markerId) == 1);

        assertEquals(1, database.effectsOfEvent(eventId));
        assertEquals(2, database.effects(leadId));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStillProcessed() {
        String poisonKey = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> poison = CloudEventRecord.toRecord(Topics.LEADS, UUID.randomUUID().toString(),
                TopicProbe.TEST_SOURCE, LeadCreated.TYPE, poisonKey, Instant.now(),
                "{ this is not json".getBytes(StandardCharsets.UTF_8));
        TopicProbe.send(poison);
        UUID good = UUID.randomUUID();
        TopicProbe.publish(leadCreated(good));

        await().atMost(Duration.ofSeconds(30)).until(() -> database.effects(good) == 1);
        var dead = TopicProbe.awaitRecord(Topics.deadLetter("chassis-test"), r -> poisonKey.equals(r.key()));
        assertEquals("{ this is not json", new String(dead.value(), StandardCharsets.UTF_8));
    }

    private static LeadCreated leadCreated(UUID leadId) {
        return new LeadCreated(leadId, null, LeadStage.NEW, leadId + "@inbox.test", "Ines", null, Channel.EMAIL, 5,
                "test", Instant.now());
    }
}
