package dev.restauth.authentication.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemesTest {

    static final FakeScheme BEARER = new FakeScheme("Bearer", "Bearer realm=\"api\"", parts -> null);
    static final FakeScheme TOKEN = new FakeScheme("Token", "Token", parts -> null);
    static final FakeScheme BASIC = new FakeScheme("Basic", "Basic realm=\"api\"", parts -> null);

    @Test
    void theConfiguredOrderDecidesTheChallengeForMissingCredentials() {
        Schemes cut = FakeScheme.enabled(List.of("Token", "Basic"), BEARER, TOKEN, BASIC);
        assertSame(TOKEN, cut.first());
        assertEquals(List.of(TOKEN, BASIC), cut.enabled());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Token", "token", "TOKEN", "tOkEn"})
    void headerSchemesMatchIgnoringCase(String given) {
        assertSame(
                TOKEN,
                FakeScheme.enabled(List.of("Bearer", "Token"), BEARER, TOKEN).enabled(given));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic", "Digest", "Tokens", ""})
    void aSchemeNotEnabledIsNone(String given) {
        assertNull(FakeScheme.enabled(List.of("Bearer", "Token"), BEARER, TOKEN, BASIC)
                .enabled(given));
    }

    @Test
    void namesAreReadIgnoringCaseAndSpacesOnce() {
        assertEquals(
                List.of(BASIC, TOKEN), Schemes.choose(List.of(" basic ", "Token", "TOKEN"), List.of(TOKEN, BASIC)));
    }

    @Test
    void anUnknownNameStopsTheStart() {
        IllegalStateException refused = assertThrows(
                IllegalStateException.class, () -> Schemes.choose(List.of("Bearer", "Digest"), List.of(BEARER)));
        assertTrue(refused.getMessage().contains("unknown scheme 'digest'"), refused.getMessage());
    }

    @Test
    void noSchemeAtAllStopsTheStart() {
        assertThrows(IllegalStateException.class, () -> Schemes.choose(List.of(), List.of(BEARER)));
    }

    @Test
    void anAnnotationMayNameOnlyAnEnabledScheme() {
        Schemes cut = FakeScheme.enabled(List.of("Bearer"), BEARER, TOKEN);
        assertSame(BEARER, cut.require("bearer", "test"));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> cut.require("Token", "test"));
        assertTrue(refused.getMessage().contains("not an enabled scheme"), refused.getMessage());
    }
}
