package io.smarketing.chassis.api;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.smarketing.chassis.problem.ProblemException;

/**
 * The dates the platform takes, in every query parameter and body: from 1970-01-01 to 9999-12-31 (UTC).
 * Java reads {@code +999999999-12-31}, but no database column or period maths should ever see it.
 */
public final class DateRange {

    public static final LocalDate FIRST = LocalDate.of(1970, 1, 1);
    public static final LocalDate LAST = LocalDate.of(9999, 12, 31);
    public static final String MESSAGE = "must be between " + FIRST + " and " + LAST;
    private static final Instant START = FIRST.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant END = LAST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private DateRange() {
    }

    public static boolean contains(LocalDate date) {
        return !date.isBefore(FIRST) && !date.isAfter(LAST);
    }

    public static boolean contains(Instant instant) {
        return !instant.isBefore(START) && instant.isBefore(END);
    }

    /** The date, or a 422 on {@code field}. */
    public static LocalDate check(String field, LocalDate date) {
        if (date != null && !contains(date)) {
            throw ProblemException.unprocessable(field, MESSAGE);
        }
        return date;
    }

    /** The instant, or a 422 on {@code field}. */
    public static Instant check(String field, Instant instant) {
        if (instant != null && !contains(instant)) {
            throw ProblemException.unprocessable(field, MESSAGE);
        }
        return instant;
    }

    /**
     * Request bodies: JSON dates and instants outside the range fail to read, as a 422 on their field. It wraps
     * whichever deserializer the mapper found for them, whatever order the modules were registered in.
     */
    static SimpleModule jacksonModule() {
        SimpleModule module = new SimpleModule("smarketing-date-range");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            @SuppressWarnings("unchecked")
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return type == LocalDate.class || type == Instant.class
                        ? new Bounded<>((Class<Object>) type, (JsonDeserializer<Object>) deserializer)
                        : deserializer;
            }
        });
        return module;
    }

    /** A value outside the range, as Jackson reports a field it cannot read. */
    public static final class OutOfRange extends InvalidFormatException {

        OutOfRange(JsonParser parser, Object value, Class<?> type) {
            super(parser, MESSAGE, value, type);
        }
    }

    private static final class Bounded<T> extends StdDeserializer<T> {

        private final transient JsonDeserializer<T> delegate;

        Bounded(Class<T> type, JsonDeserializer<T> delegate) {
            super(type);
            this.delegate = delegate;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            T value = delegate.deserialize(parser, context);
            boolean inRange = value instanceof LocalDate date ? contains(date)
                    : !(value instanceof Instant instant) || contains(instant);
            if (!inRange) {
                throw new OutOfRange(parser, value, handledType());
            }
            return value;
        }
    }
}
