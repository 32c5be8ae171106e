package io.smarketing.chassis.api;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Text PostgreSQL can store: anything but the NUL character, which no {@code text} column holds (the write fails
 * with "invalid byte sequence"). A client that sends one, in a body or a query parameter, gets a 422 naming the
 * field, before anything is written.
 */
public final class StorableText {

    public static final String MESSAGE = "must not contain the NUL character (U+0000)";

    private StorableText() {
    }

    public static boolean isStorable(String text) {
        return text == null || text.indexOf('\0') < 0;
    }

    static SimpleModule jacksonModule() {
        return new SimpleModule("smarketing-storable-text").addDeserializer(String.class, new Checked());
    }

    /** A text field with a NUL in it, as Jackson reports a field it cannot read. */
    public static final class NotStorable extends InvalidFormatException {

        NotStorable(JsonParser parser, String value) {
            super(parser, MESSAGE, value, String.class);
        }
    }

    private static final class Checked extends StdScalarDeserializer<String> {

        Checked() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (!isStorable(value)) {
                throw new NotStorable(parser, value);
            }
            return value;
        }
    }
}
