package org.ubcs.audit.service;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The names of the components that differ between two versions of a record: what an audit event lists. */
public final class Changes {

    private Changes() {
    }

    public static <R extends Record> List<String> between(R before, R after) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent component : after.getClass().getRecordComponents()) {
            if (before == null || !Objects.equals(value(component, before), value(component, after))) {
                changed.add(component.getName());
            }
        }
        return changed;
    }

    /** The names of the components that are set: what a create lists. */
    public static <R extends Record> List<String> set(R record) {
        List<String> set = new ArrayList<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value = value(component, record);
            if (value != null && !(value instanceof java.util.Collection<?> c && c.isEmpty())) {
                set.add(component.getName());
            }
        }
        return set;
    }

    private static Object value(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName(), e);
        }
    }
}
