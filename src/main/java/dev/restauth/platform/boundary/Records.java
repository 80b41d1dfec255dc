package dev.restauth.platform.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;

/** Request records built from named text fields, the way DRF sees a form or an empty body. */
final class Records {

    private Records() {}

    /** Every text component from {@code fields} by its JSON name, anything else null. */
    static <R extends Record> R of(Class<R> type, Map<String, String> fields) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            if (components[i].getType() == String.class) {
                values[i] = fields.get(jsonName(components[i]));
            } else if (components[i].getType() == boolean.class) {
                values[i] = false;
            }
        }
        try {
            Class<?>[] types =
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type.getSimpleName() + " from fields", e);
        }
    }

    private static String jsonName(RecordComponent component) {
        JsonbProperty property = component.getAnnotation(JsonbProperty.class);
        return property != null ? property.value() : component.getName();
    }
}
