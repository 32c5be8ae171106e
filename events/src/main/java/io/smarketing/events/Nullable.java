package io.smarketing.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event field that may be null. Every other field is required: {@link EventJson} refuses
 * to write or read an event where one is missing, and the tests check that each JSON Schema's
 * {@code required} list is exactly the fields without this annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Nullable {
}
