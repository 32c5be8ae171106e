package io.smarketing.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The one JSON mapping of event payloads (the CloudEvents {@code data}), shared by producers and
 * consumers so both sides agree byte for byte: times and dates as ISO-8601 strings, amounts as plain
 * decimal numbers, nulls written out.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // added after JavaTimeModule, so it reads every Instant
            .addModule(new SimpleModule().addDeserializer(Instant.class, new IsoInstants.Deserializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            // additive changes within .v1 must not break consumers built against an older jar
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // a constant added later to Channel or a reason enum reads as OTHER (@JsonEnumDefaultValue)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            // a missing int or boolean would otherwise silently read as 0 or false
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    /** A reader per payload type: {@code readValue(bytes, type)} would resolve the type and its deserializer per call. */
    private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return MAPPER.readerFor(type);
        }
    };

    private EventJson() {
    }

    /**
     * The shared, configured mapper, e.g. to read a payload as a tree. Do not reconfigure it: use
     * {@code mapper().copy()} for a variant.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * The event as JSON bytes, the Kafka record value.
     *
     * @throws IllegalArgumentException when a required field is null or an amount beyond {@link MoneyLimit}: better to fail the producer's
     *     transaction than to publish an event every consumer would dead-letter
     */
    public static byte[] write(SmarketingEvent event) {
        List<String> missing = RequiredFields.missing(event);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    event.getClass().getSimpleName() + " lacks required fields " + missing);
        }
        List<String> beyondLimit = Amounts.beyondLimit(event);
        if (!beyondLimit.isEmpty()) {
            throw new IllegalArgumentException(event.getClass().getSimpleName() + " has amounts " + beyondLimit
                    + " beyond the money limit: they " + MoneyLimit.MESSAGE);
        }
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot serialize " + event.getClass().getSimpleName(), e);
        }
    }

    /**
     * Decodes a Kafka record value. Unknown fields are ignored; missing required ones are not.
     *
     * @throws EventDecodingException when the bytes are not a valid {@code type}: a poison record
     */
    public static <T> T read(byte[] json, Class<T> type) {
        if (json == null) {
            throw new EventDecodingException("No payload to decode as " + type.getSimpleName());
        }
        T value;
        try {
            value = READERS.get(type).readValue(json);
        } catch (IOException e) {
            throw new EventDecodingException(
                    "Cannot decode " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        if (value == null) {
            throw new EventDecodingException("Payload is JSON null, not a " + type.getSimpleName());
        }
        List<String> missing = RequiredFields.missing(value);
        if (!missing.isEmpty()) {
            throw new EventDecodingException(type.getSimpleName() + " lacks required fields " + missing);
        }
        List<String> beyondLimit = Amounts.beyondLimit(value);
        if (!beyondLimit.isEmpty()) {
            // every consumer refuses it alike, rather than each column deciding what it can hold
            throw new EventDecodingException(type.getSimpleName() + " has amounts " + beyondLimit
                    + " beyond the money limit: they " + MoneyLimit.MESSAGE);
        }
        return value;
    }
}
