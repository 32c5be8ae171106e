package io.smarketing.chassis.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A request record whose {@code end} date must not be before its {@code start} date (a one-day span ends on
 * its start). The violation names the end field, so it joins the other fields' violations in one 422; a missing
 * date is left to {@code @NotNull}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Constraint(validatedBy = DateSpan.Check.class)
public @interface DateSpan {

    /** The record component holding the first day. */
    String start();

    /** The record component holding the last day. */
    String end();

    String message() default "must not be before {start}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<DateSpan, Record> {

        private String start;
        private String end;

        @Override
        public void initialize(DateSpan span) {
            start = span.start();
            end = span.end();
        }

        @Override
        public boolean isValid(Record request, ConstraintValidatorContext context) {
            if (request == null) {
                return true;
            }
            LocalDate first = date(request, start);
            LocalDate last = date(request, end);
            if (first == null || last == null || !last.isBefore(first)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode(end).addConstraintViolation();
            return false;
        }

        private static LocalDate date(Record request, String name) {
            RecordComponent component = Arrays.stream(request.getClass().getRecordComponents())
                    .filter(c -> c.getName().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(request.getClass() + " has no date " + name));
            try {
                return (LocalDate) component.getAccessor().invoke(request);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + component, e);
            }
        }
    }
}
