package dev.restauth.jwt.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A signing key's life: signs until retired, verifies until its last token expired. */
class SigningKeyTest {

    static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration MAX_AGE = Duration.ofDays(30);
    static final Duration LONGEST = Duration.ofDays(1);

    static SigningKey key() {
        return new SigningKey("kid-1", "ES256", "public", "private", CREATED);
    }

    @ParameterizedTest
    @CsvSource({"-1, false", "0, false", "1, true"})
    void aSignerIsDueForRotationOnlyAfterItsMaxAge(long secondsPastMaxAge, boolean due) {
        assertEquals(due, key().isDueForRotation(CREATED.plus(MAX_AGE).plusSeconds(secondsPastMaxAge), MAX_AGE));
    }

    @Test
    void aRetiredKeyNoLongerSignsAndIsNeverDue() {
        SigningKey cut = key();
        assertTrue(cut.signs());
        cut.retire(CREATED.plusSeconds(10));
        assertFalse(cut.signs());
        assertFalse(cut.isDueForRotation(CREATED.plus(MAX_AGE).plusSeconds(1), MAX_AGE));
    }

    @ParameterizedTest
    @CsvSource({"-1, true", "0, false", "1, false"})
    void aRetiredKeyVerifiesUntilTheLongestLifetimeHasPassed(long secondsPastLifetime, boolean verifies) {
        SigningKey cut = key();
        Instant retired = CREATED.plusSeconds(100);
        cut.retire(retired);
        cut.retire(retired.plusSeconds(50)); // retiring again keeps the first date
        assertEquals(verifies, cut.verifies(retired.plus(LONGEST).plusSeconds(secondsPastLifetime), LONGEST));
    }

    @Test
    void aSigningKeyAlwaysVerifiesAndNeverShowsItsPrivateKey() {
        SigningKey cut = key();
        assertTrue(cut.verifies(Instant.MAX, LONGEST));
        assertEquals("SigningKey[kid=kid-1, algorithm=ES256]", cut.toString());
        assertEquals("kid-1", cut.kid());
        assertEquals("ES256", cut.algorithm());
        assertEquals("public", cut.publicKey());
        assertEquals("private", cut.privateKey());
    }

    @Test
    void refreshRowsAndFamiliesStartLive() {
        UUID family = UUID.randomUUID();
        RefreshToken token = new RefreshToken("jti", family, 7L, CREATED, CREATED.plus(LONGEST));
        assertFalse(token.isRotated());
        assertFalse(token.isBlacklisted());
        assertEquals(family, token.familyId());
        assertEquals(7L, token.userId());
        RefreshFamily started = new RefreshFamily(family, 7L, CREATED);
        assertFalse(started.isRevoked());
        assertEquals(family, started.id());
    }
}
