package dev.restauth.apitokens.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A token is live until it is revoked or its expiry has come. */
class ApiTokenTest {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest
    @CsvSource({"-1, false", "0, false", "1, true"})
    void anExpiringTokenIsLiveOnlyBeforeItsExpiry(long expiresInSeconds, boolean live) {
        var cut = new ApiToken(7L, "ci", "01234567", "digest", NOW.minusSeconds(60), NOW.plusSeconds(expiresInSeconds));
        assertEquals(live, cut.isLive(NOW));
    }

    @Test
    void aTokenWithoutExpiryLivesUntilRevoked() {
        var cut = new ApiToken(7L, "ci", "01234567", "digest", NOW, null);
        assertTrue(cut.isLive(Instant.MAX));
        cut.revoke(NOW);
        assertFalse(cut.isLive(NOW.minusSeconds(1)));
    }

    @Test
    void aRevokedTokenStaysRevokedWhenRevokedAgain() {
        var cut = new ApiToken(7L, "ci", "01234567", "digest", NOW, NOW.plusSeconds(60));
        cut.revoke(NOW);
        cut.revoke(NOW.plusSeconds(10));
        assertFalse(cut.isLive(NOW));
        assertEquals(7L, cut.userId());
        assertEquals("ci", cut.name());
        assertEquals(NOW, cut.createdAt());
        assertEquals(NOW.plusSeconds(60), cut.expiresAt());
    }
}
