package dev.restauth.errors.control;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A 400's field map as plain lists, for assertions that name every field and message. */
public final class FieldMessages {

    private FieldMessages() {}

    public static Map<String, List<String>> of(ApiError error) {
        return error.fields().keySet().stream().collect(Collectors.toMap(field -> field, error::messages));
    }
}
