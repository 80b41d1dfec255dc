package dev.restauth.errors.control;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request that failed validation: DRF's 400 body, a list of messages per field
 * ({@code {"username": ["This field is required."]}}), {@code non_field_errors} for the rest.
 */
public class FieldErrors extends WebApplicationException {

    public static final String REQUIRED = "This field is required.";
    public static final String BLANK = "This field may not be blank.";
    /** DRF's CharField refuses NUL, which PostgreSQL text cannot store either. */
    public static final String NULL_CHARACTERS = "Null characters are not allowed.";

    public static final String NON_FIELD = "non_field_errors";

    private final Map<String, List<String>> errors;

    public FieldErrors(Map<String, List<String>> errors) {
        super(Response.Status.BAD_REQUEST);
        this.errors = Map.copyOf(new LinkedHashMap<>(errors));
    }

    public static FieldErrors of(String field, String message) {
        return new FieldErrors(Map.of(field, List.of(message)));
    }

    /** DRF's messages for a text field that is missing or empty; adds nothing when it is set. */
    public static void requireText(String field, String value, Map<String, List<String>> errors) {
        if (value == null) {
            errors.put(field, List.of(REQUIRED));
        } else if (value.isEmpty()) {
            errors.put(field, List.of(BLANK));
        }
    }

    public Map<String, List<String>> errors() {
        return errors;
    }
}
