package io.smarketing.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event field that is an amount of money: {@link EventJson} refuses to write or read one beyond
 * {@link MoneyLimit}, and the tests check that its schema says {@code exclusiveMaximum} = {@link MoneyLimit#EXCLUSIVE_MAX}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Amount {
}
