package dev.restauth.sessions.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.errors.control.ApiError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsrfTest {

    static final String TOKEN = "abcdefghijklmnopqrstuvwxyzABCDEF";

    Csrf cut = new Csrf();

    @Test
    void newTokensAreDjangosShapeAndNeverRepeat() {
        String first = cut.newToken();
        assertTrue(first.matches("[A-Za-z0-9]{32}"), first);
        assertTrue(Csrf.isWellFormed(first));
        assertNotEquals(first, cut.newToken());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "OPTIONS", "TRACE"})
    void safeMethodsPassWithoutAnything(String method) {
        assertDoesNotThrow(() -> cut.check(method, null, null));
    }

    /** cookie, header → DRF 3.14's reason on Django 3.2 (empty cell: absent). */
    @ParameterizedTest(name = "{0}: cookie {1}, header {2}")
    @CsvSource({
        "POST,   ,                                 abcdefghijklmnopqrstuvwxyzABCDEF, CSRF Failed: CSRF cookie not set.",
        "DELETE, '',                               abcdefghijklmnopqrstuvwxyzABCDEF, CSRF Failed: CSRF cookie not set.",
        "POST,   abcdefghijklmnopqrstuvwxyzABCDEF, ,                                 CSRF Failed: CSRF token missing or incorrect.",
        "PUT,    abcdefghijklmnopqrstuvwxyzABCDEF, abcdefghijklmnopqrstuvwxyzABCDEx, CSRF Failed: CSRF token missing or incorrect.",
        "PATCH,  abcdefghijklmnopqrstuvwxyzABCDEF, abcdefghijklmnopqrstuvwxyzABCDE,  CSRF Failed: CSRF token missing or incorrect.",
        "POST,   abcdefghijklmnopqrstuvwxyzABCDE<, abcdefghijklmnopqrstuvwxyzABCDE<, CSRF Failed: CSRF token missing or incorrect.",
        "POST,   short,                            short,                            CSRF Failed: CSRF token missing or incorrect.",
        "BREW,   abcdefghijklmnopqrstuvwxyzABCDEF, ,                                 CSRF Failed: CSRF token missing or incorrect.",
    })
    void unsafeMethodsNeedTheCookieEchoed(String method, String cookie, String header, String reason) {
        ApiError refused = assertThrows(ApiError.class, () -> cut.check(method, cookie, header));
        assertEquals(403, refused.status());
        assertEquals(reason, refused.body().detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void aMatchingHeaderPasses(String method) {
        assertDoesNotThrow(() -> cut.check(method, TOKEN, TOKEN));
    }
}
