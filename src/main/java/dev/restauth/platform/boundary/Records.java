package dev.restauth.platform.boundary;

import dev.restauth.errors.control.FieldErrors;
import dev.restauth.platform.control.DrfFields;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Request records built from a JSON object or a form, each component read as the DRF field its
 * type stands for ({@link DrfFields}): {@code String} a CharField ({@link Verbatim} keeps the
 * whitespace), {@code Boolean} a BooleanField, {@code List<String>} a ListField of CharFields. A
 * value of the wrong kind is DRF's 400 for that field; an absent one is null, for the record's own
 * checks to call required or not. Components are named by their JSON name ({@code @JsonbProperty}
 * or the component name).
 */
final class Records {

    private Records() {}

    /** The record a JSON object describes. */
    static <R extends Record> R of(Class<R> type, JsonObject fields) {
        return build(type, component -> fields.get(jsonName(component)));
    }

    /**
     * The record a form describes: a list field takes every value of its name, any other field the
     * last one, as DRF reads Django's QueryDict.
     */
    static <R extends Record> R ofForm(Class<R> type, Map<String, List<String>> fields) {
        return build(type, component -> {
            List<String> values = fields.get(jsonName(component));
            if (values == null || values.isEmpty()) {
                return null;
            }
            if (component.getType() == List.class) {
                JsonArrayBuilder array = Json.createArrayBuilder();
                values.forEach(array::add);
                return array.build();
            }
            return Json.createValue(values.get(values.size() - 1));
        });
    }

    private static <R extends Record> R build(Class<R> type, Function<RecordComponent, JsonValue> valueOf) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        FieldErrors errors = new FieldErrors();
        for (int i = 0; i < components.length; i++) {
            values[i] = read(components[i], valueOf.apply(components[i]), errors);
        }
        errors.throwIfAny();
        try {
            Class<?>[] types =
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type.getSimpleName() + " from fields", e);
        }
    }

    private static Object read(RecordComponent component, JsonValue value, FieldErrors errors) {
        String name = jsonName(component);
        boolean trim = !component.isAnnotationPresent(Verbatim.class);
        Class<?> type = component.getType();
        if (type == String.class) {
            return DrfFields.text(name, value, trim, errors);
        }
        if (type == Boolean.class) {
            return DrfFields.bool(name, value, errors);
        }
        if (type == boolean.class) {
            return Boolean.TRUE.equals(DrfFields.bool(name, value, errors));
        }
        if (type == List.class
                && component.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] == String.class) {
            return DrfFields.texts(name, value, trim, errors);
        }
        throw new IllegalStateException("A request record holds text, booleans and lists of text: "
                + component.getDeclaringRecord().getSimpleName() + "." + component.getName());
    }

    private static String jsonName(RecordComponent component) {
        // JSON-B's annotation does not target record components: javac puts it on the accessor.
        JsonbProperty property = component.getAnnotation(JsonbProperty.class);
        if (property == null) {
            property = component.getAccessor().getAnnotation(JsonbProperty.class);
        }
        return property != null ? property.value() : component.getName();
    }
}
