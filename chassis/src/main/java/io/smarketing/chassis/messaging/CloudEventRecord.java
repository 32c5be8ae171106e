package io.smarketing.chassis.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.smarketing.events.EventCatalog;
import io.smarketing.events.EventDecodingException;
import io.smarketing.events.EventJson;
import io.smarketing.events.EventType;
import io.smarketing.events.IsoInstants;
import io.smarketing.events.SmarketingEvent;
import io.smarketing.events.Topics;

/**
 * CloudEvents 1.0 in Kafka binary mode: the attributes travel as {@code ce_*} headers, the value is the
 * {@code data} JSON and the record key is the aggregate id. The one place that writes and reads that
 * layout, for the outbox relay, the consumers and the tests.
 */
public final class CloudEventRecord {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";

    /**
     * How far an event's time may run ahead of the broker's timestamp of its record: beyond the clock skew of
     * two hosts, a future time is a forged or broken one, and it would freeze the projections that keep the
     * latest value by time.
     */
    public static final Duration MAX_AHEAD_OF_BROKER = Duration.ofMinutes(5);

    private CloudEventRecord() {
    }

    /** The source attribute of events published by a service. */
    public static String source(String serviceName) {
        return "/smarketing/" + serviceName;
    }

    /** A record ready to send, for an event already serialized (as the outbox stores it). */
    public static ProducerRecord<String, byte[]> toRecord(String topic, String id, String source, String type,
            String subject, Instant time, byte[] data) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, subject, data);
        Headers headers = record.headers();
        headers.add(ID, utf8(id));
        headers.add(SOURCE, utf8(source));
        headers.add(TYPE, utf8(type));
        headers.add(SUBJECT, utf8(subject));
        headers.add(TIME, utf8(time.toString()));
        headers.add(SPEC_VERSION, utf8("1.0"));
        headers.add(CONTENT_TYPE, utf8("application/json"));
        return record;
    }

    /**
     * A record for an event object, with a fresh id and the source of its topic's publisher, as the outbox
     * relay of that service would send it: used by tests and tools that publish directly.
     */
    public static ProducerRecord<String, byte[]> toRecord(SmarketingEvent event) {
        EventType<?> type = EventCatalog.of(event.getClass());
        return toRecord(type.topic(), EventIds.next().toString(), source(Topics.publisher(type.topic())),
                type.ceType(), event.subject(), event.occurredAt(), EventJson.write(event));
    }

    /**
     * Decodes a consumed record. Empty when its type is not in this build's catalogue (a newer producer's
     * additive event: skipped, not an error); {@link EventDecodingException} when it is not a valid
     * Smarketing CloudEvent at all, or not one its topic's publisher could have sent (a poison record, for the
     * dead-letter topic): its type belongs on another topic, its source is not the topic's publisher, or it
     * claims to have happened more than {@link #MAX_AHEAD_OF_BROKER} after the broker took it.
     */
    public static Optional<IncomingEvent> decode(ConsumerRecord<String, byte[]> record) {
        Attributes attributes = Attributes.of(record);
        String id = required(attributes.id(), record, ID);
        String type = required(attributes.type(), record, TYPE);
        Optional<EventType<?>> eventType = EventCatalog.byCeType(type);
        if (eventType.isEmpty()) {
            return Optional.empty();
        }
        if (!eventType.get().topic().equals(record.topic())) {
            throw new EventDecodingException("Record " + id + " of type " + type + " belongs on "
                    + eventType.get().topic() + ", not on " + record.topic(), null);
        }
        String source = required(attributes.source(), record, SOURCE);
        String publisher = source(Topics.publisher(record.topic()));
        if (!publisher.equals(source)) {
            throw new EventDecodingException("Record " + id + " comes from " + source + ", but only " + publisher
                    + " publishes on " + record.topic(), null);
        }
        if (record.value() == null) {
            throw new EventDecodingException("Record " + id + " of type " + type + " has no data", null);
        }
        SmarketingEvent data = EventJson.read(record.value(), eventType.get().javaType());
        Instant brokerTime = Instant.ofEpochMilli(record.timestamp());
        if (record.timestamp() >= 0 && data.occurredAt().isAfter(brokerTime.plus(MAX_AHEAD_OF_BROKER))) {
            throw new EventDecodingException("Record " + id + " says it happened at " + data.occurredAt()
                    + ", more than " + MAX_AHEAD_OF_BROKER + " after the broker took it (" + brokerTime + ")", null);
        }
        return Optional.of(new IncomingEvent(id, type, source,
                attributes.subject() != null ? attributes.subject() : record.key(), time(attributes.time(), record, id),
                data));
    }

    /**
     * The CloudEvents headers of a record, read in one pass (it runs for every record a consumer takes); of a
     * header given twice the last counts, as with {@code lastHeader}. Null where a header is absent or has no value.
     */
    private record Attributes(String id, String type, String source, String subject, String time) {

        static Attributes of(ConsumerRecord<String, byte[]> record) {
            String id = null;
            String type = null;
            String source = null;
            String subject = null;
            String time = null;
            for (Header header : record.headers()) {
                switch (header.key()) {
                    case ID -> id = text(header);
                    case TYPE -> type = text(header);
                    case SOURCE -> source = text(header);
                    case SUBJECT -> subject = text(header);
                    case TIME -> time = text(header);
                    default -> {
                        // other headers (content type, spec version, tracing) are not read here
                    }
                }
            }
            return new Attributes(id, type, source, subject, time);
        }

        private static String text(Header header) {
            return header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    }

    private static Instant time(String time, ConsumerRecord<String, byte[]> record, String id) {
        if (time == null) {
            return Instant.ofEpochMilli(record.timestamp());
        }
        try {
            return IsoInstants.parse(time);
        } catch (DateTimeParseException e) {
            throw new EventDecodingException("Record " + id + " has an invalid ce_time: " + time, e);
        }
    }

    private static String required(String value, ConsumerRecord<String, byte[]> record, String name) {
        if (value == null || value.isBlank()) {
            throw new EventDecodingException("Record at " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " lacks the CloudEvents header " + name, null);
        }
        return value;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
