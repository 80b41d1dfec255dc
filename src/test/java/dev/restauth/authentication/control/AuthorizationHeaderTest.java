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
        assertTrue(AuthorizationHeader.parse("\t\u000b\f\r\n").isEmpty());
    }

    @Test
    void onlyAsciiWhitespaceSeparatesAsInPythonBytesSplit() {
        // DRF splits the header's bytes: U+00A0 and U+001F are not whitespace there.
        var cut = AuthorizationHeader.parse("Token\u00a0abc\u001fdef\u000bghi").orElseThrow();
        assertEquals("Token\u00a0abc\u001fdef", cut.scheme());
        assertEquals(List.of("ghi"), cut.credentials());
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
