package io.smarketing.events;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds required record fields (not {@link Nullable}) that are null. Jackson leaves a missing field
 * null instead of failing, and an event without its ids would only blow up later, deep in a consumer;
 * checking here turns it into an immediate, dead-letterable {@link EventDecodingException}.
 */
final class RequiredFields {

    private record Field(String name, Method accessor, boolean required) {
    }

    private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> recordType) {
            return Arrays.stream(recordType.getRecordComponents()).map(RequiredFields::field).toList();
        }
    };

    private RequiredFields() {
    }

    /** The JSON names of a record's required fields: what its schema must list as {@code required}. */
    static Set<String> of(Class<? extends Record> recordType) {
        return FIELDS.get(recordType).stream()
                .filter(Field::required)
                .map(Field::name)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Paths of required fields left null, nested records included, e.g. {@code summary.actions}. */
    static List<String> missing(Object value) {
        List<String> missing = new ArrayList<>();
        if (value instanceof Record record) {
            collect(record, "", missing);
        }
        return missing;
    }

    private static void collect(Record record, String path, List<String> missing) {
        for (Field field : FIELDS.get(record.getClass())) {
            if (field.accessor() == null) {
                continue; // in a module that does not open its package to us: nothing we can check
            }
            // Paths are built only where they are needed: this runs for every field of every event consumed.
            Object value = read(field.accessor(), record);
            if (value == null) {
                if (field.required()) {
                    missing.add(path + field.name());
                }
            } else if (value instanceof Record nested) {
                collect(nested, path + field.name() + ".", missing);
            } else if (value instanceof Collection<?> items) {
                int index = 0;
                for (Object item : items) {
                    if (item instanceof Record nested) {
                        collect(nested, path + field.name() + "[" + index + "].", missing);
                    }
                    index++;
                }
            }
        }
    }

    private static Field field(RecordComponent component) {
        Method accessor = component.getAccessor();
        boolean required =
                component.getType().isPrimitive() || !component.isAnnotationPresent(Nullable.class);
        return new Field(component.getName(), accessor.trySetAccessible() ? accessor : null, required);
    }

    private static Object read(Method accessor, Record record) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + accessor, e);
        }
    }
}
