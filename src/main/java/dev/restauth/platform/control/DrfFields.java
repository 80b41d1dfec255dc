package dev.restauth.platform.control;

import dev.restauth.errors.control.ApiError;
import dev.restauth.errors.control.FieldErrors;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a value in a request means, field by field, exactly as DRF 3.14's fields read it
 * (rest_framework/fields.py), so that a client gets what it asked for or DRF's 400, never a guess:
 *
 * <ul>
 *   <li>CharField: a string, or a number as Python writes it ({@code 12} → "12", {@code 1e5} →
 *       "100000.0"); booleans, objects and arrays are "Not a valid string."; leading and trailing
 *       whitespace is stripped unless the field keeps it (passwords);
 *   <li>BooleanField: {@code true}/{@code false}, 1/0, and exactly the spellings in DRF's
 *       TRUE_VALUES and FALSE_VALUES; anything else, the empty string included, is "Must be a valid
 *       boolean." (never "false", which would deactivate a user or skip a key reset silently);
 *   <li>ListField(child=CharField): an array, each item a CharField, messages per item index;
 *   <li>any field: {@code null} is "This field may not be null." (no field here allows null); an
 *       absent field is null, for the record's own checks to call required or not.
 * </ul>
 */
public final class DrfFields {

    public static final String NOT_A_STRING = "Not a valid string.";
    public static final String NOT_A_BOOLEAN = "Must be a valid boolean.";

    static final Set<String> TRUE_VALUES =
            Set.of("t", "T", "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON", "1");
    static final Set<String> FALSE_VALUES =
            Set.of("f", "F", "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF", "0");

    private DrfFields() {}

    /** A CharField's value, or null when absent or wrong (then the message is in {@code errors}). */
    public static String text(String field, JsonValue value, boolean trim, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        List<String> problems = new ArrayList<>(1);
        String text = text(value, trim, problems);
        errors.add(field, problems);
        return text;
    }

    /** A BooleanField's value, or null when absent or wrong (then the message is in {@code errors}). */
    public static Boolean bool(String field, JsonValue value, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        if (value == JsonValue.NULL) {
            errors.add(field, FieldErrors.NULL);
            return null;
        }
        Boolean bool = bool(value);
        if (bool == null) {
            errors.add(field, NOT_A_BOOLEAN);
        }
        return bool;
    }

    /**
     * A BooleanField read from a query parameter or a form field: absent is false, as DRF's
     * BooleanField reads an HTML form.
     *
     * @throws ApiError DRF's 400 for this field when the text is no boolean spelling
     */
    public static boolean bool(String field, String text) {
        if (text == null) {
            return false;
        }
        if (TRUE_VALUES.contains(text)) {
            return true;
        }
        if (FALSE_VALUES.contains(text)) {
            return false;
        }
        throw FieldErrors.of(field, NOT_A_BOOLEAN);
    }

    /** A ListField of CharFields, or null when absent or wrong (then the messages are in {@code errors}). */
    public static List<String> texts(String field, JsonValue value, boolean trim, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        if (value == JsonValue.NULL) {
            errors.add(field, FieldErrors.NULL);
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            errors.add(field, "Expected a list of items but got type \"" + PythonValues.typeName(value) + "\".");
            return null;
        }
        List<String> texts = new ArrayList<>(array.size());
        SortedMap<Integer, List<String>> itemErrors = new TreeMap<>();
        for (int i = 0; i < array.size(); i++) {
            List<String> problems = new ArrayList<>(1);
            String text = text(array.get(i), trim, problems);
            if (!problems.isEmpty()) {
                itemErrors.put(i, problems);
            } else if (text.isEmpty()) {
                itemErrors.put(i, List.of(FieldErrors.BLANK)); // a list item is a required CharField
            } else {
                texts.add(text);
            }
        }
        errors.addItems(field, itemErrors);
        return itemErrors.isEmpty() ? texts : null;
    }

    private static String text(JsonValue value, boolean trim, List<String> problems) {
        String text;
        if (value instanceof JsonString string) {
            text = string.getString();
        } else if (value instanceof JsonNumber number) {
            text = PythonValues.str(number);
        } else if (value == JsonValue.NULL) {
            problems.add(FieldErrors.NULL);
            return null;
        } else {
            problems.add(NOT_A_STRING);
            return null;
        }
        return trim ? PythonValues.strip(text) : text;
    }

    private static Boolean bool(JsonValue value) {
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value == JsonValue.FALSE) {
            return false;
        }
        if (value instanceof JsonString string) {
            String text = string.getString();
            return TRUE_VALUES.contains(text) ? Boolean.TRUE : FALSE_VALUES.contains(text) ? Boolean.FALSE : null;
        }
        // DRF looks a number up in its sets, where Python finds 1.0 == 1 and 0.0 == 0; 2 or 0.5 is in neither.
        return value instanceof JsonNumber number ? PythonValues.oneOrZero(number) : null;
    }
}
