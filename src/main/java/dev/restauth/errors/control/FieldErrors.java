package dev.restauth.errors.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects DRF's field messages for a request record ({@code {"username": ["This field is
 * required."]}}, {@code non_field_errors} for the rest) and throws them as one 400.
 */
public final class FieldErrors {

    public static final String REQUIRED = "This field is required.";
    public static final String BLANK = "This field may not be blank.";
    /** DRF's CharField refuses NUL, which PostgreSQL text cannot store either. */
    public static final String NULL_CHARACTERS = "Null characters are not allowed.";

    public static final String NON_FIELD = "non_field_errors";

    private final Map<String, List<String>> errors = new LinkedHashMap<>();

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
            errors.putIfAbsent(field, List.copyOf(messages));
        }
        return this;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    /** @throws ApiError a 400 with every message collected, if there is one */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ApiError.fields(errors);
        }
    }

    /** A 400 with one message for one field. */
    public static ApiError of(String field, String message) {
        return ApiError.fields(Map.of(field, List.of(message)));
    }
}
