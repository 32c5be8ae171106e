package io.smarketing.chassis.api;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Request bodies mean what they say: 3.7 is not a valid count or rating, it is a 422, not a silent 3; a date
 * outside {@link DateRange} is a 422 too, and so is text with a character PostgreSQL cannot store ({@link StorableText}).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.registerModule(DateRange.jacksonModule());
        mapper.registerModule(StorableText.jacksonModule());
    }
}
