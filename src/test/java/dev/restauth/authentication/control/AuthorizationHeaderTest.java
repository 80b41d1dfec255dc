package dev.restauth.authentication.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorizationHeaderTest {

    @Test
    void missingOrBlankHeaderIsNoCredentials() {
        assertTrue(AuthorizationHeader.parse(null).isEmpty());
        assertTrue(AuthorizationHeader.parse("  ").isEmpty());
    }

    @Test
    void splitsOnRunsOfWhitespaceAsDrfDoes() {
        var cut = AuthorizationHeader.parse("  Basic \t abc   def ").orElseThrow();
        assertEquals("Basic", cut.scheme());
        assertEquals(List.of("abc", "def"), cut.credentials());
    }

    @Test
    void schemeMatchesCaseInsensitively() {
        assertTrue(AuthorizationHeader.parse("bAsIc xyz").orElseThrow().hasScheme("Basic"));
    }
}
