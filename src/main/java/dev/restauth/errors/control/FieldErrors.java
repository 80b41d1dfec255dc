package dev.restauth.errors.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Collects DRF's field messages for a request record ({@code {"username": ["This field is
 * required."]}}, {@code non_field_errors} for the rest, and a list field's messages per item as
 * DRF's ListField gives them, {@code {"roles": {"0": ["This field may not be null."]}}}) and
 * throws them as one 400. The first messages for a field win: a later check of a field that has
 * already failed adds nothing.
 */
public final class FieldErrors {

    public static final String REQUIRED = "This field is required.";
    public static final String BLANK = "This field may not be blank.";
    public static final String NULL = "This field may not be null.";
    /** DRF's CharField refuses NUL, which PostgreSQL text cannot store either. */
    public static final String NULL_CHARACTERS = "Null characters are not allowed.";

    public static final String NON_FIELD = "non_field_errors";

    private final Map<String, JsonValue> errors = new LinkedHashMap<>();

    /** DRF's messages for a text field that is missing or empty; nothing when it is set. */
    public FieldErrors requireText(String field, String value) {
        if (value == null) {
            add(field, REQUIRED);
        } else if (value.isEmpty()) {
            add(field, BLANK);
        }
        return this;
    }

    public FieldErrors add(String field, String message) {
        return add(field, List.of(message));
    }

    public FieldErrors add(String field, List<String> messages) {
        if (!messages.isEmpty()) {
            errors.putIfAbsent(field, array(messages));
        }
        return this;
    }

    /** A list field's messages by the index of the item they are about. */
    public FieldErrors addItems(String field, SortedMap<Integer, List<String>> messages) {
        if (!messages.isEmpty()) {
            JsonObjectBuilder items = Json.createObjectBuilder();
            messages.forEach((index, itemMessages) -> items.add(Integer.toString(index), array(itemMessages)));
            errors.putIfAbsent(field, items.build());
        }
        return this;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** @throws ApiError a 400 with every message collected, if there is one */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ApiError.fields(json());
        }
    }

    /** The messages in DRF's shape, fields in the order they were first added. */
    public JsonObject json() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        errors.forEach(json::add);
        return json.build();
    }

    /** A 400 with one message for one field. */
    public static ApiError of(String field, String message) {
        return ApiError.fields(new FieldErrors().add(field, message).json());
    }

    private static JsonValue array(List<String> messages) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        messages.forEach(array::add);
        return array.build();
    }
}
