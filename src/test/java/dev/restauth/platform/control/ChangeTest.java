package dev.restauth.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChangeTest {

    static Stream<Change> changes() {
        return Stream.of(
                Change.user(42),
                Change.apiTokensOf(7),
                Change.apiToken(Long.MAX_VALUE),
                Change.signingKeys(),
                Change.user(0));
    }

    @ParameterizedTest
    @MethodSource("changes")
    void aPayloadNamesItsChangeAndStaysSmall(Change cut) {
        assertEquals(Optional.of(cut), Change.parse(cut.payload()));
        assertTrue(cut.payload().length() <= Change.MAX_PAYLOAD, cut.payload());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "user",
                "user:",
                ":42",
                "users:42",
                "USER:42",
                "user:-1",
                "user:+1",
                "user: 42",
                "user:42 ",
                "user:4x2",
                "user:99999999999999999999",
                "a-kind-from-a-newer-node:42",
                "user:000000000000000000000000000000000000000000000042"
            })
    void anythingElseIsNoChangeOfOurs(String payload) {
        assertEquals(Optional.empty(), Change.parse(payload));
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, Long.MIN_VALUE})
    void idsAreNeverNegative(long id) {
        assertThrows(IllegalArgumentException.class, () -> Change.user(id));
    }
}
