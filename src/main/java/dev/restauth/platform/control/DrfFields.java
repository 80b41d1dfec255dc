package dev.restauth.platform.control;

import dev.restauth.errors.control.ApiError;
import dev.restauth.errors.control.FieldErrors;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
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
            errors.add(field, "Expected a list of items but got type \"" + pythonType(value) + "\".");
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

    /** Python's name for the type a JSON value is read as, as DRF's messages quote it. */
    public static String pythonType(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> "str";
            case OBJECT -> "dict";
            case ARRAY -> "list";
            case TRUE, FALSE -> "bool";
            case NULL -> "NoneType";
            case NUMBER -> isFloat((JsonNumber) value) ? "float" : "int";
        };
    }

    private static String text(JsonValue value, boolean trim, List<String> problems) {
        String text;
        if (value instanceof JsonString string) {
            text = string.getString();
        } else if (value instanceof JsonNumber number) {
            text = pythonStr(number);
        } else if (value == JsonValue.NULL) {
            problems.add(FieldErrors.NULL);
            return null;
        } else {
            problems.add(NOT_A_STRING);
            return null;
        }
        return trim ? pythonStrip(text) : text;
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
        if (value instanceof JsonNumber number) {
            // Python compares 1.0 == 1 and 0.0 == -0.0 == 0: each is in the sets; 2 or 0.5 is not.
            if (isFloat(number) && Double.isInfinite(number.doubleValue())) {
                return null;
            }
            BigDecimal exact = isFloat(number) ? new BigDecimal(number.doubleValue()) : number.bigDecimalValue();
            return exact.compareTo(BigDecimal.ONE) == 0 ? Boolean.TRUE : exact.signum() == 0 ? Boolean.FALSE : null;
        }
        return null;
    }

    /** Python's json reads a number with a fraction or an exponent as a float, any other as an int. */
    private static boolean isFloat(JsonNumber number) {
        String text = number.toString();
        return text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0;
    }

    /** {@code str(n)} in Python: an int exactly, a float in repr's shortest form. */
    static String pythonStr(JsonNumber number) {
        if (!isFloat(number)) {
            return number.bigIntegerValueExact().toString();
        }
        double value = number.doubleValue();
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) { // JSON-P's BigDecimal has no negative zero: -0.0 reads as Python's 0.0
            return "0.0";
        }
        BigDecimal shortest = shortest(value);
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale(); // value = d.ddd × 10^exponent
        String sign = value < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        String plain = shortest.abs().toPlainString();
        return sign + (plain.indexOf('.') < 0 ? plain + ".0" : plain);
    }

    /**
     * The fewest significant digits that read back as the same double, rounded correctly: what
     * Python's repr writes (Java 17's Double.toString sometimes writes more).
     */
    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == value) {
                return rounded.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /** {@code str.strip()} in Python: its whitespace is Java's plus every space separator and NEL. */
    static String pythonStrip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isPythonSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isPythonSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isPythonSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }
}
