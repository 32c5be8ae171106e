package io.smarketing.chassis;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.chassis.messaging.CloudEventRecord;
import io.smarketing.chassis.messaging.DeadLetters;
import io.smarketing.chassis.probe.ProbeConsumer;
import io.smarketing.events.CampaignLaunched;
import io.smarketing.events.CampaignStatus;
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
        ProducerRecord<String, byte[]> record = CloudEventRecord.toRecord(leadCreated(leadId));
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
    void theSameCloudEventTwiceInOneBatchHasOneEffect() {
        UUID leadId = UUID.randomUUID();
        ProducerRecord<String, byte[]> record = CloudEventRecord.toRecord(leadCreated(leadId));
        String eventId = TopicProbe.header(record, CloudEventRecord.ID);
        ProducerRecord<String, byte[]> marker = CloudEventRecord.toRecord(
                new LeadQualified(leadId, null, LeadStage.MQL, 70, "test", Instant.now()));
        String markerId = TopicProbe.header(marker, CloudEventRecord.ID);

        TopicProbe.sendAll(List.of(record, record, marker)); // one producer, one request: one poll, one batch
        await().atMost(Duration.ofSeconds(30)).until(() -> database.processed(markerId) == 1);

        assertEquals(1, database.effectsOfEvent(eventId), "the first copy is applied, the second is the duplicate");
        assertEquals(2, database.effects(leadId));
    }

    @Test
    void dedupeIsKeyedOnTheConsumersName() {
        UUID leadId = UUID.randomUUID();
        ProducerRecord<String, byte[]> seenByOthers = CloudEventRecord.toRecord(leadCreated(leadId));
        ProducerRecord<String, byte[]> seenByThis = CloudEventRecord.toRecord(
                new LeadQualified(leadId, null, LeadStage.MQL, 70, "test", Instant.now()));
        String othersId = TopicProbe.header(seenByOthers, CloudEventRecord.ID);
        String thisId = TopicProbe.header(seenByThis, CloudEventRecord.ID);
        database.markProcessed("another-consumer", othersId);
        database.markProcessed(ProbeConsumer.NAME, thisId);

        TopicProbe.send(seenByOthers);
        TopicProbe.send(seenByThis);
        String markerId = TopicProbe.publish(new LeadQualified(leadId, null, LeadStage.MQL, 80, "test", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> database.processed(markerId) == 1);

        assertEquals(List.of(ProbeConsumer.NAME), database.processedBy(markerId));
        assertEquals(List.of("another-consumer", ProbeConsumer.NAME), database.processedBy(othersId));
        assertEquals(1, database.effectsOfEvent(othersId), "another consumer's record is no dedupe of this one's");
        assertEquals(0, database.effectsOfEvent(thisId), "processed by this consumer before: no second effect");
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStillProcessed() {
        String poisonKey = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> poison = CloudEventRecord.toRecord(Topics.LEADS, UUID.randomUUID().toString(),
                CloudEventRecord.source(Topics.publisher(Topics.LEADS)), LeadCreated.TYPE, poisonKey, Instant.now(),
                "{ this is not json".getBytes(StandardCharsets.UTF_8));
        TopicProbe.send(poison);
        UUID good = UUID.randomUUID();
        TopicProbe.publish(leadCreated(good));

        await().atMost(Duration.ofSeconds(30)).until(() -> database.effects(good) == 1);
        var dead = TopicProbe.awaitRecord(Topics.deadLetter("chassis-test"), r -> poisonKey.equals(r.key()));
        assertEquals("{ this is not json", new String(dead.value(), StandardCharsets.UTF_8));
    }

    @Test
    void aPoisonRecordInsideABatchIsTheOnlyOneDeadLetteredAndTheRestTakeEffectOnce() {
        List<UUID> good = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        UUID poison = UUID.randomUUID();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        records.add(CloudEventRecord.toRecord(leadCreated(good.get(0))));
        records.add(CloudEventRecord.toRecord(leadCreated(good.get(1))));
        records.add(CloudEventRecord.toRecord(new LeadCreated(poison, null, LeadStage.NEW, poison + "@inbox.test",
                ProbeConsumer.POISON, null, Channel.EMAIL, 5, "test", Instant.now())));
        records.add(CloudEventRecord.toRecord(leadCreated(good.get(2))));
        records.add(CloudEventRecord.toRecord(leadCreated(good.get(3))));
        records.add(records.get(0)); // redelivered within the batch: the same ce_id
        TopicProbe.sendAll(records);

        await().atMost(Duration.ofSeconds(30)).until(() -> good.stream().allMatch(lead -> database.effects(lead) == 1));
        var dead = TopicProbe.awaitRecord(Topics.deadLetter("chassis-test"), r -> poison.toString().equals(r.key()));
        assertTrue(TopicProbe.header(dead, DeadLetters.REASON).contains("cannot take a lead named"),
                TopicProbe.header(dead, DeadLetters.REASON));
        assertEquals(Topics.LEADS, TopicProbe.header(dead, DeadLetters.ORIGIN_TOPIC));
        assertEquals(0, database.effects(poison));
        for (UUID lead : good) {
            assertEquals(1, database.effects(lead), "applied once: " + lead);
            assertEquals(0, deadLettered(lead), "a good record is never dead-lettered: " + lead);
        }
    }

    @Test
    void aRecordItsTopicsPublisherCouldNotHaveSentIsDeadLettered() {
        UUID wrongTopic = UUID.randomUUID();
        UUID wrongSource = UUID.randomUUID();
        UUID fromTheFuture = UUID.randomUUID();
        UUID good = UUID.randomUUID();
        ProducerRecord<String, byte[]> launched = CloudEventRecord.toRecord(
                new CampaignLaunched(wrongTopic, CampaignStatus.ACTIVE, "mia", Instant.now()));
        ProducerRecord<String, byte[]> forged = CloudEventRecord.toRecord(leadCreated(wrongSource));
        forged.headers().remove(CloudEventRecord.SOURCE).add(CloudEventRecord.SOURCE,
                CloudEventRecord.source("feedback-service").getBytes(StandardCharsets.UTF_8));
        LeadCreated future = new LeadCreated(fromTheFuture, null, LeadStage.NEW, fromTheFuture + "@inbox.test", "Fay",
                null, Channel.EMAIL, 5, "test", Instant.now().plus(Duration.ofDays(365)));
        TopicProbe.sendAll(List.of(
                new ProducerRecord<>(Topics.LEADS, null, launched.key(), launched.value(), launched.headers()),
                forged, CloudEventRecord.toRecord(future), CloudEventRecord.toRecord(leadCreated(good))));

        await().atMost(Duration.ofSeconds(30)).until(() -> database.effects(good) == 1);
        assertReason(wrongTopic, "belongs on " + Topics.CAMPAIGNS);
        assertReason(wrongSource, "only /smarketing/leads-service publishes");
        assertReason(fromTheFuture, "after the broker took it");
        assertEquals(0, database.effects(wrongSource) + database.effects(fromTheFuture));
    }

    private static void assertReason(UUID key, String reason) {
        var dead = TopicProbe.awaitRecord(Topics.deadLetter("chassis-test"), r -> key.toString().equals(r.key()));
        assertTrue(TopicProbe.header(dead, DeadLetters.REASON).contains(reason), TopicProbe.header(dead, DeadLetters.REASON));
    }

    private static long deadLettered(UUID key) {
        return TopicProbe.readAll(Topics.deadLetter("chassis-test")).stream().filter(r -> key.toString().equals(r.key()))
                .count();
    }

    private static LeadCreated leadCreated(UUID leadId) {
        return new LeadCreated(leadId, null, LeadStage.NEW, leadId + "@inbox.test", "Ines", null, Channel.EMAIL, 5,
                "test", Instant.now());
    }
}
