package io.smarketing.events;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** Finds the {@link Amount} fields of an event that are beyond {@link MoneyLimit}. */
final class Amounts {

    private static final ClassValue<List<RecordComponent>> AMOUNTS = new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> recordType) {
            return recordType.isRecord() ? Arrays.stream(recordType.getRecordComponents())
                    .filter(component -> component.isAnnotationPresent(Amount.class)).toList() : List.of();
        }
    };

    private Amounts() {
    }

    /** The names of the record's amount fields, as its schema names them. */
    static List<String> of(Class<?> recordType) {
        return AMOUNTS.get(recordType).stream().map(RecordComponent::getName).toList();
    }

    static List<String> beyondLimit(Object event) {
        return AMOUNTS.get(event.getClass()).stream()
                .filter(component -> read(component, event) instanceof BigDecimal amount && MoneyLimit.exceeds(amount))
                .map(RecordComponent::getName)
                .toList();
    }

    private static Object read(RecordComponent component, Object event) {
        try {
            return component.getAccessor().invoke(event);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component, e);
        }
    }
}
