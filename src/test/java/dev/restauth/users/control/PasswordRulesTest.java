package dev.restauth.users.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A length, nothing else (NIST 800-63B), with Django's messages. */
class PasswordRulesTest {

    static final String TOO_SHORT = "This password is too short. It must contain at least 8 characters.";
    static final String TOO_LONG = "This password is too long. It must contain at most 12 characters.";

    PasswordRules cut;

    @BeforeEach
    void configure() {
        cut = new PasswordRules();
        cut.minLength = 8;
        cut.maxLength = 12;
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678", "123456789012", "pässwörd", "aaaaaaa\uD83D\uDE00"})
    void aPasswordWithinTheBoundsIsAcceptable(String password) {
        assertEquals(List.of(), cut.problems(password));
    }

    @Test
    void aShortPasswordIsTooShortCountingCharactersNotUnits() {
        assertEquals(List.of(TOO_SHORT), cut.problems("1234567"));
        assertEquals(List.of(TOO_SHORT), cut.problems("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00"));
    }

    @Test
    void aLongPasswordIsTooLong() {
        assertEquals(List.of(TOO_LONG), cut.problems("1234567890123"));
        assertEquals(12, cut.maxLength());
    }

    @Test
    void bothMessagesWhenTheBoundsCross() {
        cut.minLength = 20;
        assertEquals(
                List.of("This password is too short. It must contain at least 20 characters.", TOO_LONG),
                cut.problems("1234567890123"));
    }
}
