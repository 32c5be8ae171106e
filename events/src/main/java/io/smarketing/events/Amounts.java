package io.smarketing.events;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
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

    /** Without a stream: it runs for every event consumed, and most events have no amount at all. */
    static List<String> beyondLimit(Object event) {
        List<String> beyond = List.of();
        for (RecordComponent component : AMOUNTS.get(event.getClass())) {
            if (read(component, event) instanceof BigDecimal amount && MoneyLimit.exceeds(amount)) {
                if (beyond.isEmpty()) {
                    beyond = new ArrayList<>();
                }
                beyond.add(component.getName());
            }
        }
        return beyond;
    }

    private static Object read(RecordComponent component, Object event) {
        try {
            return component.getAccessor().invoke(event);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component, e);
        }
    }
}
