package io.smarketing.chassis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import io.smarketing.chassis.messaging.CloudEventRecord;
import io.smarketing.chassis.messaging.IncomingEvent;
import io.smarketing.events.Channel;
import io.smarketing.events.EventDecodingException;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadStage;

/** Decoding a consumed record's CloudEvents headers and data, as every consumer does for every record. */
class CloudEventRecordTest {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final LeadCreated created = new LeadCreated(UUID.randomUUID(), null, LeadStage.NEW, "ann@example.com", "Ann",
            null, Channel.WEB, 40, "alice", now);

    @Test
    void aRecordAsTheOutboxSendsItDecodesToItsAttributesAndData() {
        ProducerRecord<String, byte[]> sent = CloudEventRecord.toRecord(created);
        IncomingEvent event = CloudEventRecord.decode(consumed(sent)).orElseThrow();
        assertEquals(header(sent, CloudEventRecord.ID), event.id());
        assertEquals(LeadCreated.TYPE, event.type());
        assertEquals("/smarketing/leads-service", event.source());
        assertEquals(created.leadId().toString(), event.subject());
        assertEquals(now, event.time());
        assertEquals(created, event.data());
    }

    @Test
    void ofAHeaderGivenTwiceTheLastCounts() {
        ProducerRecord<String, byte[]> sent = CloudEventRecord.toRecord(created);
        sent.headers().add(CloudEventRecord.ID, "the-second-id".getBytes(StandardCharsets.UTF_8));
        assertEquals("the-second-id", CloudEventRecord.decode(consumed(sent)).orElseThrow().id());
    }

    @Test
    void withoutASubjectTheRecordKeyIsTheSubject() {
        ProducerRecord<String, byte[]> sent = CloudEventRecord.toRecord(created);
        sent.headers().remove(CloudEventRecord.SUBJECT);
        assertEquals(sent.key(), CloudEventRecord.decode(consumed(sent)).orElseThrow().subject());
    }

    @Test
    void aMissingOrBlankIdIsAPoisonRecordThatSaysWhere() {
        ProducerRecord<String, byte[]> missing = CloudEventRecord.toRecord(created);
        missing.headers().remove(CloudEventRecord.ID);
        EventDecodingException failure = assertThrows(EventDecodingException.class,
                () -> CloudEventRecord.decode(consumed(missing)));
        assertTrue(failure.getMessage().contains("lacks the CloudEvents header ce_id"), failure.getMessage());
        assertTrue(failure.getMessage().contains("smarketing.leads.v1/0@7"), failure.getMessage());

        ProducerRecord<String, byte[]> blank = CloudEventRecord.toRecord(created);
        blank.headers().remove(CloudEventRecord.ID).add(CloudEventRecord.ID, " ".getBytes(StandardCharsets.UTF_8));
        assertThrows(EventDecodingException.class, () -> CloudEventRecord.decode(consumed(blank)));
    }

    @Test
    void aTypeThisBuildDoesNotKnowIsSkippedNotPoison() {
        ProducerRecord<String, byte[]> sent = CloudEventRecord.toRecord(created);
        sent.headers().remove(CloudEventRecord.TYPE).add(CloudEventRecord.TYPE,
                "io.smarketing.lead.invented.v1".getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), CloudEventRecord.decode(consumed(sent)));
    }

    @Test
    void aSourceOtherThanTheTopicsPublisherIsPoison() {
        ProducerRecord<String, byte[]> sent = CloudEventRecord.toRecord(created);
        sent.headers().remove(CloudEventRecord.SOURCE).add(CloudEventRecord.SOURCE,
                "/smarketing/goals-service".getBytes(StandardCharsets.UTF_8));
        EventDecodingException failure = assertThrows(EventDecodingException.class,
                () -> CloudEventRecord.decode(consumed(sent)));
        assertTrue(failure.getMessage().contains("only /smarketing/leads-service publishes"), failure.getMessage());
    }

    @Test
    void anInvalidTimeIsPoisonAndAMissingOneIsTheBrokers() {
        ProducerRecord<String, byte[]> invalid = CloudEventRecord.toRecord(created);
        invalid.headers().remove(CloudEventRecord.TIME).add(CloudEventRecord.TIME, "yesterday".getBytes(StandardCharsets.UTF_8));
        assertThrows(EventDecodingException.class, () -> CloudEventRecord.decode(consumed(invalid)));

        ProducerRecord<String, byte[]> missing = CloudEventRecord.toRecord(created);
        missing.headers().remove(CloudEventRecord.TIME);
        assertEquals(Instant.ofEpochMilli(now.toEpochMilli() + 1),
                CloudEventRecord.decode(consumed(missing)).orElseThrow().time());
    }

    /** The record as a consumer receives it: offset 7, taken by the broker a millisecond after the event. */
    private ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> sent) {
        return new ConsumerRecord<>(sent.topic(), 0, 7, now.toEpochMilli() + 1, TimestampType.CREATE_TIME, -1, -1,
                sent.key(), sent.value(), sent.headers(), Optional.empty());
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
