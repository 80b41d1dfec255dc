package dev.restauth.errors.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DRF's field messages, collected and thrown as one 400. */
class FieldErrorsTest {

    FieldErrors cut = new FieldErrors();

    @ParameterizedTest
    @CsvSource(
            value = {"NULL, This field is required.", "'', This field may not be blank."},
            nullValues = "NULL")
    void aMissingOrEmptyTextFieldGetsDrfsMessage(String value, String message) {
        cut.requireText("username", value);
        assertTrue(cut.has("username"));
        ApiError thrown = assertThrows(ApiError.class, cut::throwIfAny);
        assertEquals(400, thrown.status());
        assertEquals(Map.of("username", List.of(message)), FieldMessages.of(thrown));
    }

    @Test
    void aTextFieldWithTextIsFineEvenBlank() {
        cut.requireText("username", "alice").requireText("password", " ");
        assertFalse(cut.has("username"));
        assertFalse(cut.has("password"));
        assertDoesNotThrow(cut::throwIfAny);
    }

    @Test
    void fieldsKeepTheOrderTheyWereFoundInAndTheirFirstMessages() {
        cut.add("password", "first")
                .add("username", List.of("a", "b"))
                .add("password", "second")
                .add("roles", List.of());
        assertFalse(cut.has("roles"), "no messages, no field");
        ApiError thrown = assertThrows(ApiError.class, cut::throwIfAny);
        assertEquals(
                List.of("password", "username"), List.copyOf(thrown.fields().keySet()));
        assertEquals(List.of("first"), thrown.messages("password"));
        assertEquals(List.of("a", "b"), thrown.messages("username"));
    }

    @Test
    void oneMessageForOneField() {
        ApiError error = FieldErrors.of(FieldErrors.NON_FIELD, "Unable to log in.");
        assertEquals(400, error.status());
        assertEquals(Map.of("non_field_errors", List.of("Unable to log in.")), FieldMessages.of(error));
    }

    @Test
    void aListFieldsMessagesAreKeyedByTheIndexOfTheItem() {
        cut.addItems("roles", new java.util.TreeMap<>(Map.of(2, List.of("bad"), 0, List.of("worse"))))
                .addItems("groups", new java.util.TreeMap<>());
        assertTrue(cut.has("roles"));
        assertFalse(cut.has("groups"), "no messages, no field");
        ApiError thrown = assertThrows(ApiError.class, cut::throwIfAny);
        assertEquals(
                "{\"roles\":{\"0\":[\"worse\"],\"2\":[\"bad\"]}}",
                thrown.fields().toString());
        assertEquals(List.of(), thrown.messages("roles"), "no messages of the field's own");
    }
}
