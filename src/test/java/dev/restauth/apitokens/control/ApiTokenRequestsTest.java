package dev.restauth.apitokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restauth.errors.control.ApiError;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiTokenRequestsTest {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    ApiTokenRequests cut;

    @BeforeEach
    void wire() {
        cut = new ApiTokenRequests();
        cut.defaultLifetime = "never";
    }

    @Test
    void aTokenExpiresAfterTheDurationGivenOrTheDefault() {
        assertEquals(NOW.plusSeconds(30 * 86_400), cut.expiry("P30D", NOW));
        assertNull(cut.expiry(null, NOW), "DRF's tokens never expire");
        assertNull(cut.expiry(" NEVER ", NOW));
        cut.defaultLifetime = "PT1H";
        assertEquals(NOW.plusSeconds(3600), cut.expiry(null, NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "P0D", "-PT1H", "PT0S", "30"})
    void anythingElseIsAFieldError(String expiresIn) {
        ApiError refused = assertThrows(ApiError.class, () -> cut.expiry(expiresIn, NOW));
        assertEquals(List.of(ApiTokenRequests.BAD_EXPIRY), refused.messages("expires_in"));
    }

    @Test
    void namesAreStrippedDefaultedAndBounded() {
        assertEquals("ci", cut.label("  ci "));
        assertEquals("default", cut.label(" "));
        assertEquals("default", cut.label(null));
        assertEquals(
                List.of("Ensure this field has no more than 100 characters."),
                assertThrows(ApiError.class, () -> cut.label("x".repeat(101))).messages("name"));
        assertEquals(
                List.of("Null characters are not allowed."),
                assertThrows(ApiError.class, () -> cut.label("nul\0byte")).messages("name"));
    }
}
