package dev.restauth.platform.control;

import static dev.restauth.platform.control.DrfFieldsTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonNumber;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Python's str(), str.strip(), == and type names, as DRF's fields see JSON values through them. */
class PythonValuesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "12|12",
                "-0|0",
                "100000000000000000000|100000000000000000000",
                "1e5|100000.0",
                "1E5|100000.0",
                "1.5e300|1.5e+300",
                "1e16|1e+16",
                "123456789012345678.0|1.2345678901234568e+17",
                "0.0001|0.0001",
                "0.00001|1e-05",
                "-2.50|-2.5",
                "1e400|inf",
                "-1e400|-inf",
                "0.0|0.0"
            })
    void numbersAreTheirPythonText(String number, String text) {
        assertEquals(text, PythonValues.str((JsonNumber) json(number)));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "NONE",
            value = {
                "1|true",
                "1.0|true",
                "10e-1|true",
                "0|false",
                "-0.0|false",
                "0e5|false",
                "2|NONE",
                "0.5|NONE",
                "1e400|NONE",
                "-1e400|NONE"
            })
    void onlyNumbersEqualToOneOrZeroArePythonsTruthValues(String number, Boolean expected) {
        assertEquals(expected, PythonValues.oneOrZero((JsonNumber) json(number)));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"' alice '|alice", "'\u00a0alice\u2003'|alice", "'\u0085alice\t'|alice", "'a b'|a b"})
    void stripRemovesPythonsWhitespace(String text, String stripped) {
        assertEquals(stripped, PythonValues.strip(text));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "'\"x\"'|str",
                "{}|dict",
                "[]|list",
                "7|int",
                "7.5|float",
                "1e3|float",
                "false|bool",
                "null|NoneType"
            })
    void typeNamesAreAsPythonsJsonReadsThem(String value, String type) {
        assertEquals(type, PythonValues.typeName(json(value)));
    }
}
