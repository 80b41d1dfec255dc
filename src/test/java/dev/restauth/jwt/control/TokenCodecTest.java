package dev.restauth.jwt.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.users.entity.User;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The verified-access-token cache must answer exactly what a full verification would. */
class TokenCodecTest {

    TestCodecs.MovableClock clock;
    TokenCodec cut;
    User alice;
    Instant now;

    @BeforeEach
    void setUp() {
        clock = new TestCodecs.MovableClock();
        cut = TestCodecs.codec(clock);
        alice = TestCodecs.user(7, "alice");
        now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
    }

    @Test
    void aVerifiedAccessTokenIsRememberedAndAnsweredAgain() throws Exception {
        String token = TestCodecs.accessToken(cut, alice, now);

        JsonWebToken first = cut.verify(token, TokenCodec.ACCESS);
        JsonWebToken second = cut.verify(token, TokenCodec.ACCESS);

        assertSame(first, second);
        assertEquals("7", Claims.text(second, "user_id"));
        assertEquals(1L, cut.size());
    }

    @Test
    void aRememberedAccessTokenStillExpires() throws Exception {
        String token = TestCodecs.accessToken(cut, alice, now);
        cut.verify(token, TokenCodec.ACCESS);

        clock.advance(Duration.ofSeconds(300 + 29));
        cut.verify(token, TokenCodec.ACCESS); // within the 30 s leeway
        clock.advance(Duration.ofSeconds(1));

        TokenCodec.Rejected rejected =
                assertThrows(TokenCodec.Rejected.class, () -> cut.verify(token, TokenCodec.ACCESS));
        assertEquals(TokenCodec.EXPIRED, rejected.getMessage());
        assertEquals(0L, cut.size());
    }

    @Test
    void aRememberedAccessTokenIsStillNoRefreshToken() throws Exception {
        String token = TestCodecs.accessToken(cut, alice, now);
        cut.verify(token, TokenCodec.ACCESS);

        TokenCodec.Rejected rejected =
                assertThrows(TokenCodec.Rejected.class, () -> cut.verify(token, TokenCodec.REFRESH));
        assertEquals(TokenCodec.WRONG_TYPE, rejected.getMessage());
        assertSame(cut.verify(token, TokenCodec.ACCESS), cut.verify(token, null));
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsRejected() throws Exception {
        String token = TestCodecs.accessToken(cut, alice, now);
        cut.verify(token, TokenCodec.ACCESS);
        // A character in the middle of the signature: the last one also carries unused bits.
        int middle = token.length() - 20;
        String tampered =
                token.substring(0, middle) + (token.charAt(middle) == 'A' ? 'B' : 'A') + token.substring(middle + 1);
        String[] parts = token.split("\\.");
        String otherPayload = parts[0] + "." + parts[1] + "x." + parts[2];

        for (String forged : new String[] {tampered, otherPayload, token + "."}) {
            TokenCodec.Rejected rejected =
                    assertThrows(TokenCodec.Rejected.class, () -> cut.verify(forged, TokenCodec.ACCESS));
            assertEquals(TokenCodec.INVALID, rejected.getMessage());
        }
        assertEquals(1L, cut.size());
    }

    @Test
    void refreshTokensAndFailuresAreNotRemembered() throws Exception {
        cut.verify(TestCodecs.refreshToken(cut, alice, now), TokenCodec.REFRESH);
        assertThrows(TokenCodec.Rejected.class, () -> cut.verify("not.a.token", TokenCodec.ACCESS));
        assertThrows(TokenCodec.Rejected.class, () -> cut.verify(null, TokenCodec.ACCESS));

        assertEquals(0L, cut.size());
    }

    @Test
    void aRefusedTokenIsRememberedWithItsReasonForAMinute() throws Exception {
        String token = TestCodecs.accessToken(cut, alice, now);
        int middle = token.length() - 20;
        String forged =
                token.substring(0, middle) + (token.charAt(middle) == 'A' ? 'B' : 'A') + token.substring(middle + 1);
        String expired = TestCodecs.accessToken(cut, alice, now.minusSeconds(3600));

        for (int i = 0; i < 3; i++) {
            assertEquals(
                    TokenCodec.INVALID,
                    assertThrows(TokenCodec.Rejected.class, () -> cut.verify(forged, TokenCodec.ACCESS))
                            .getMessage());
            assertEquals(
                    TokenCodec.EXPIRED,
                    assertThrows(TokenCodec.Rejected.class, () -> cut.verify(expired, null))
                            .getMessage());
        }
        assertEquals(2L, cut.refusalsRemembered());

        clock.advance(VerifiedTokens.REFUSED_FOR.plusSeconds(1));
        assertEquals(0L, cut.refusalsRemembered());
        assertEquals(
                TokenCodec.INVALID,
                assertThrows(TokenCodec.Rejected.class, () -> cut.verify(forged, TokenCodec.ACCESS))
                        .getMessage(),
                "checked again, refused again");
    }

    @Test
    void refusalsThatDependOnTheCallerOrOnAnUnknownKeyAreNotRemembered() throws Exception {
        String refresh = TestCodecs.refreshToken(cut, alice, now);
        assertEquals(
                TokenCodec.WRONG_TYPE,
                assertThrows(TokenCodec.Rejected.class, () -> cut.verify(refresh, TokenCodec.ACCESS))
                        .getMessage());
        assertThrows(TokenCodec.Rejected.class, () -> cut.verify("not.a.token", TokenCodec.ACCESS));
        TokenCodec other = TestCodecs.codec(clock); // another key, another kid: perhaps a new one
        String unknownKey = TestCodecs.accessToken(other, alice, now);
        assertThrows(TokenCodec.Rejected.class, () -> cut.verify(unknownKey, TokenCodec.ACCESS));

        assertEquals(0L, cut.refusalsRemembered());
        cut.verify(refresh, TokenCodec.REFRESH); // still good as what it is
    }

    @Test
    void aTokenOfAKeyNoLongerInTheSetIsRejectedEvenWhenRemembered() throws Exception {
        String token = TestCodecs.accessToken(cut, alice, now);
        cut.verify(token, TokenCodec.ACCESS);

        cut.verifiers.keys.configuredKey = java.util.Optional.of(TestCodecs.newKeyPem());
        cut.verifiers.keys.reload();

        TokenCodec.Rejected rejected =
                assertThrows(TokenCodec.Rejected.class, () -> cut.verify(token, TokenCodec.ACCESS));
        assertEquals(TokenCodec.INVALID, rejected.getMessage());
    }

    @Test
    void theCacheStaysBounded() throws Exception {
        cut.verifiers.maxVerified = 3;
        for (int i = 0; i < 10; i++) {
            cut.verify(TestCodecs.accessToken(cut, alice, now), TokenCodec.ACCESS);
            assertTrue(cut.size() <= 3);
        }
    }
}
