package io.smarketing.events;

import java.net.URL;
import java.util.Objects;

/**
 * One event type of the contract: the Java record, its CloudEvents {@code ce_type}, the topic it is
 * published on, and the classpath location of its JSON Schema.
 *
 * @param javaType the record class
 * @param ceType the {@code ce_type} header value, e.g. {@code io.smarketing.lead.created.v1}
 * @param topic the Kafka topic, one of {@link Topics}
 * @param schemaResource class-loader path (no leading slash) of the JSON Schema of the record's JSON
 */
public record EventType<T extends SmarketingEvent>(
        Class<T> javaType, String ceType, String topic, String schemaResource) {

    public EventType {
        Objects.requireNonNull(javaType, "javaType");
        Objects.requireNonNull(ceType, "ceType");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(schemaResource, "schemaResource");
    }

    /** The JSON Schema, loaded with this jar's class loader so it works for external consumers too. */
    public URL schema() {
        URL url = EventType.class.getClassLoader().getResource(schemaResource);
        if (url == null) {
            throw new IllegalStateException("No schema on the classpath at " + schemaResource);
        }
        return url;
    }
}
