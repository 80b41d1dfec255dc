package dev.restauth.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restauth.errors.control.ApiError;
import dev.restauth.errors.control.FieldErrors;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DRF 3.14's CharField, BooleanField and ListField, value by value (rest_framework/fields.py). */
class DrfFieldsTest {

    static JsonValue json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader("[" + text + "]"))) {
            return reader.readArray().get(0);
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "true|true",
                "'\"yes\"'|true",
                "'\"ON\"'|true",
                "1|true",
                "1.0|true",
                "'\"1\"'|true",
                "false|false",
                "'\"off\"'|false",
                "'\"N\"'|false",
                "0|false",
                "0.0|false",
                "-0.0|false",
                "'\"0\"'|false"
            })
    void booleansAreDrfsSpellings(String value, boolean expected) {
        FieldErrors errors = new FieldErrors();
        assertEquals(expected, DrfFields.bool("active", json(value), errors));
        assertEquals(true, errors.isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"garbage\"", "\"\"", "\"tRuE\"", "\" true\"", "\"1.0\"", "2", "0.5", "1e400", "{}", "[]"})
    void anythingElseIsNoBoolean(String value) {
        FieldErrors errors = new FieldErrors();
        assertNull(DrfFields.bool("active", json(value), errors));
        assertEquals(
                "{\"active\":[\"Must be a valid boolean.\"]}", errors.json().toString());
    }

    @Test
    void aQueryBooleanIsFalseWhenAbsentAndA400WhenNoSpelling() {
        assertEquals(false, DrfFields.bool("reset", (String) null));
        assertEquals(true, DrfFields.bool("reset", "Yes"));
        assertEquals(false, DrfFields.bool("reset", "0"));
        ApiError refused = assertThrows(ApiError.class, () -> DrfFields.bool("reset", ""));
        assertEquals(List.of(DrfFields.NOT_A_BOOLEAN), refused.messages("reset"));
    }

    @Test
    void textIsStrippedUnlessKeptAndOnlyTextOrNumbers() {
        FieldErrors errors = new FieldErrors();
        assertEquals("alice", DrfFields.text("username", json("\" \\u00a0alice\\t\\n\""), true, errors));
        assertEquals("  pw  ", DrfFields.text("password", json("\"  pw  \""), false, errors));
        assertEquals("7", DrfFields.text("name", json("7"), true, errors));
        assertNull(DrfFields.text("absent", null, true, errors));
        assertNull(DrfFields.text("a", json("true"), true, errors));
        assertNull(DrfFields.text("b", json("{}"), true, errors));
        assertNull(DrfFields.text("c", json("null"), true, errors));
        assertEquals(
                "{\"a\":[\"Not a valid string.\"],\"b\":[\"Not a valid string.\"],\"c\":[\"This field may not be null.\"]}",
                errors.json().toString());
    }

    @Test
    void listsAreListsOfTextWithMessagesPerItem() {
        FieldErrors errors = new FieldErrors();
        assertEquals(List.of("a", "1", "b"), DrfFields.texts("roles", json("[\"a\", 1, \" b \"]"), true, errors));
        assertNull(DrfFields.texts("roles", json("[null, \"x\", false, \"\"]"), true, errors));
        assertEquals(
                "{\"roles\":{\"0\":[\"This field may not be null.\"],\"2\":[\"Not a valid string.\"],"
                        + "\"3\":[\"This field may not be blank.\"]}}",
                errors.json().toString());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"'\"admin\"'|str", "{}|dict", "7|int", "7.5|float", "1e3|float", "true|bool"})
    void notAListNamesPythonsType(String value, String type) {
        FieldErrors errors = new FieldErrors();
        assertNull(DrfFields.texts("roles", json(value), true, errors));
        assertEquals(
                "{\"roles\":[\"Expected a list of items but got type \\\"" + type + "\\\".\"]}",
                errors.json().toString());
    }
}
