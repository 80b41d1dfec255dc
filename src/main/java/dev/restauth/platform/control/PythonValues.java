package dev.restauth.platform.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * What Python makes of a JSON value: DRF's fields convert and quote values with Python's own
 * {@code str()}, {@code str.strip()} and type names, which differ from Java's in ways a client can
 * see ({@code 1e5} is "100000.0", U+0085 is whitespace). Kept apart from {@link DrfFields}, which
 * decides what a field accepts, because these are facts about Python, not about DRF.
 */
public final class PythonValues {

    private PythonValues() {}

    /** Python's name for the type a JSON value is read as, as DRF's messages quote it. */
    public static String typeName(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> "str";
            case OBJECT -> "dict";
            case ARRAY -> "list";
            case TRUE, FALSE -> "bool";
            case NULL -> "NoneType";
            case NUMBER -> isFloat((JsonNumber) value) ? "float" : "int";
        };
    }

    /** Python's json reads a number with a fraction or an exponent as a float, any other as an int. */
    static boolean isFloat(JsonNumber number) {
        String text = number.toString();
        return text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0;
    }

    /**
     * Whether Python's {@code ==} finds the number equal to 1 (true), to 0 (false) or to neither
     * (null): {@code 1.0 == 1} and {@code -0.0 == 0}, but no infinity equals either.
     */
    static Boolean oneOrZero(JsonNumber number) {
        if (isFloat(number) && Double.isInfinite(number.doubleValue())) {
            return null;
        }
        BigDecimal exact = isFloat(number) ? new BigDecimal(number.doubleValue()) : number.bigDecimalValue();
        return exact.compareTo(BigDecimal.ONE) == 0 ? Boolean.TRUE : exact.signum() == 0 ? Boolean.FALSE : null;
    }

    /** {@code str(n)} in Python: an int exactly, a float in repr's shortest form. */
    static String str(JsonNumber number) {
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
    static String strip(String text) {
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
