package dev.restauth.jwt.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.audit.control.TestAudits;
import dev.restauth.audit.entity.AuditEvent;
import dev.restauth.errors.control.ApiError;
import dev.restauth.errors.control.FieldMessages;
import dev.restauth.jwt.entity.Credentials;
import dev.restauth.jwt.entity.RefreshRequest;
import dev.restauth.jwt.entity.TokenPair;
import dev.restauth.jwt.entity.VerifyRequest;
import dev.restauth.platform.entity.RequestOrigin;
import dev.restauth.users.control.InMemoryUsers;
import dev.restauth.users.control.TestIdentityStores;
import dev.restauth.users.entity.TokensRevoked;
import dev.restauth.users.entity.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SimpleJWT's session operations: obtain, refresh with rotation and reuse detection, blacklist, verify. */
class TokensTest {

    TestCodecs.MovableClock clock;
    TokenCodec codec;
    InMemoryUsers table;
    InMemoryRefreshTokens refreshTokens;
    List<AuditEvent> audited;
    User alice;
    Tokens cut;

    @BeforeEach
    void wire() {
        clock = new TestCodecs.MovableClock();
        codec = TestCodecs.codec(clock);
        alice = TestIdentityStores.withPassword(TestCodecs.user(7, "alice"), "alice's password");
        table = new InMemoryUsers(alice);
        refreshTokens = new InMemoryRefreshTokens();
        audited = new ArrayList<>();
        TokenChecks checks = new TokenChecks();
        checks.codec = codec;
        checks.refreshTokens = refreshTokens;
        checks.users = table;
        checks.statusCache = table.statusCache(clock);
        cut = new Tokens();
        cut.checks = checks;
        cut.legacy = TestCodecs.noLegacyTokens();
        cut.codec = codec;
        cut.issuer = new TokenIssuer();
        cut.issuer.signer = TestCodecs.signer(codec);
        cut.issuer.refreshTokens = refreshTokens;
        cut.issuer.settings = codec.settings;
        cut.reuse = new RefreshReuse();
        cut.reuse.refreshTokens = refreshTokens;
        cut.reuse.settings = codec.settings;
        cut.reuse.audit = TestAudits.into(audited);
        cut.blacklist = new TokenBlacklist();
        cut.blacklist.checks = checks;
        cut.blacklist.refreshTokens = refreshTokens;
        cut.blacklist.reuse = cut.reuse;
        cut.blacklist.settings = codec.settings;
        cut.blacklist.audit = cut.reuse.audit;
        cut.blacklist.clock = clock;
        cut.refreshTokens = refreshTokens;
        cut.identityStore = TestIdentityStores.over(table, audited);
        cut.users = table;
        cut.settings = codec.settings;
        cut.audit = cut.reuse.audit;
        cut.clock = clock;
        codec.settings.refreshReuseInterval = () -> reuseInterval;
    }

    Duration reuseInterval = Duration.ZERO;

    static final RequestOrigin OFFICE = new RequestOrigin("198.51.100.7", "POST /api/token/");

    TokenPair login() {
        return obtain(new Credentials("alice", "alice's password"));
    }

    /** A login as the resource awaits it; a refusal is the cause of the stage's failure. */
    TokenPair obtain(Credentials credentials) {
        try {
            return cut.obtain(credentials, OFFICE).toCompletableFuture().join();
        } catch (CompletionException failed) {
            throw (RuntimeException) failed.getCause();
        }
    }

    static String reason(ApiError error) {
        assertEquals(401, error.status());
        assertEquals("token_not_valid", error.body().code());
        assertEquals(TokenErrors.CHALLENGE, error.headers().get("WWW-Authenticate"));
        return error.body().detail();
    }

    @Test
    void aLoginIsAPairOfVerifiableTokensAndRecordsTheLogin() throws Exception {
        TokenPair pair = login();
        assertEquals("7", Claims.text(codec.verify(pair.access(), TokenCodec.ACCESS), "user_id"));
        var refresh = codec.verify(pair.refresh(), TokenCodec.REFRESH);
        assertEquals(
                clock.instant().getEpochSecond() + Duration.ofDays(1).toSeconds(),
                refresh.getExpirationTime(),
                "the refresh lifetime");
        assertTrue(refreshTokens.find(refresh.getTokenID()).isPresent());
        assertEquals(clock.instant(), alice.lastLogin());
        AuditEvent issued = audited.get(audited.size() - 1);
        assertEquals(AuditEvent.Type.TOKEN_ISSUED, issued.type());
        assertTrue(issued.detail().startsWith("JWT pair, refresh family "), issued.detail());
    }

    @Test
    void anAccessTokenLivesForTheAccessLifetime() throws Exception {
        var access = codec.verify(login().access(), TokenCodec.ACCESS);
        assertEquals(access.getIssuedAtTime() + 300, access.getExpirationTime());
        assertEquals(alice.tokenIssuedAt(clock.instant()).getEpochSecond(), access.getIssuedAtTime());
    }

    @ParameterizedTest
    @CsvSource({"alice, wrong", "nobody, alice's password"})
    void aFailedLoginIsSimpleJwtsNoActiveAccount(String username, String password) {
        ApiError refused = assertThrows(ApiError.class, () -> obtain(new Credentials(username, password)));
        assertEquals(401, refused.status());
        assertEquals(
                "No active account found with the given credentials",
                refused.body().detail());
        assertNull(alice.lastLogin());
    }

    @Test
    void aLoginWithoutFieldsNamesThem() {
        ApiError refused = assertThrows(ApiError.class, () -> obtain(new Credentials(null, null)));
        assertEquals(
                Map.of("username", List.of("This field is required."), "password", List.of("This field is required.")),
                FieldMessages.of(refused));
    }

    @Test
    void aRefreshRotatesAndTheOldTokenIsSpent() throws Exception {
        TokenPair first = login();
        clock.advance(Duration.ofSeconds(2));
        TokenPair second = cut.refresh(new RefreshRequest(first.refresh()));
        assertNotNull(second.refresh());
        codec.verify(second.access(), TokenCodec.ACCESS);
        assertEquals(
                AuditEvent.Type.TOKEN_REFRESHED, audited.get(audited.size() - 1).type());

        assertEquals(
                TokenErrors.BLACKLISTED,
                reason(assertThrows(ApiError.class, () -> cut.refresh(new RefreshRequest(first.refresh())))));
    }

    @Test
    void aRotatedTokenPresentedAgainEndsTheWholeFamily() {
        TokenPair first = login();
        TokenPair second = cut.refresh(new RefreshRequest(first.refresh()));
        assertThrows(ApiError.class, () -> cut.refresh(new RefreshRequest(first.refresh())));
        assertEquals(
                AuditEvent.Type.REFRESH_REUSE_DETECTED,
                audited.get(audited.size() - 1).type());
        assertEquals(
                TokenErrors.BLACKLISTED,
                reason(assertThrows(ApiError.class, () -> cut.refresh(new RefreshRequest(second.refresh())))));
    }

    @Test
    void withoutRotationARefreshIsAnAccessTokenOnly() {
        codec.settings.rotateRefreshTokens = false;
        TokenPair first = login();
        TokenPair refreshed = cut.refresh(new RefreshRequest(first.refresh()));
        assertNull(refreshed.refresh());
        assertNotNull(cut.refresh(new RefreshRequest(first.refresh())).access(), "reusable without rotation");

        cut.blacklist(new RefreshRequest(first.refresh()));
        assertEquals(
                TokenErrors.BLACKLISTED,
                reason(assertThrows(ApiError.class, () -> cut.refresh(new RefreshRequest(first.refresh())))));
    }

    @Test
    void withoutRotationARevokedFamilyStillRefusesTheRefresh() {
        codec.settings.rotateRefreshTokens = false;
        TokenPair first = login();
        cut.onTokensRevoked(new TokensRevoked(7, TokensRevoked.Reason.LOGOUT_ALL));
        assertThrows(ApiError.class, () -> cut.refresh(new RefreshRequest(first.refresh())));
    }

    @Test
    void anAccessTokenCannotRefresh() {
        TokenPair pair = login();
        assertEquals(
                TokenCodec.WRONG_TYPE,
                reason(assertThrows(ApiError.class, () -> cut.refresh(new RefreshRequest(pair.access())))));
    }

    @Test
    void aRefreshTokenOfAnInactiveUserIsNoActiveAccount() {
        TokenPair pair = login();
        alice.setActive(false, clock.instant());
        ApiError refused = assertThrows(ApiError.class, () -> cut.refresh(new RefreshRequest(pair.refresh())));
        assertEquals(
                "No active account found for the given token.", refused.body().detail());
    }

    @Test
    void aRefreshTokenBelowTheWatermarkIsBlacklisted() {
        TokenPair pair = login();
        clock.advance(Duration.ofSeconds(2));
        alice.revokeTokens(clock.instant());
        assertEquals(
                TokenErrors.BLACKLISTED,
                reason(assertThrows(ApiError.class, () -> cut.refresh(new RefreshRequest(pair.refresh())))));
    }

    @Test
    void aRefreshTokenWithoutItsRowIsInvalid() throws Exception {
        TokenPair pair = login();
        refreshTokens.delete(codec.verify(pair.refresh(), null).getTokenID());
        assertEquals(
                TokenCodec.INVALID,
                reason(assertThrows(ApiError.class, () -> cut.refresh(new RefreshRequest(pair.refresh())))));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void aMissingRefreshFieldIsAFieldError(String refresh) {
        ApiError refused = assertThrows(ApiError.class, () -> cut.refresh(new RefreshRequest(refresh)));
        assertEquals(400, refused.status());
        assertEquals(
                List.of(refresh == null ? "This field is required." : "This field may not be blank."),
                refused.messages("refresh"));
    }

    @Test
    void blacklistingEndsTheSessionOnce() {
        TokenPair pair = login();
        cut.blacklist(new RefreshRequest(pair.refresh()));
        AuditEvent revoked = audited.get(audited.size() - 1);
        assertEquals(AuditEvent.Type.TOKEN_REVOKED, revoked.type());
        assertTrue(revoked.detail().endsWith(" of user id 7 blacklisted"), revoked.detail());
        assertEquals(
                TokenErrors.BLACKLISTED,
                reason(assertThrows(ApiError.class, () -> cut.blacklist(new RefreshRequest(pair.refresh())))));
        assertThrows(ApiError.class, () -> cut.refresh(new RefreshRequest(pair.refresh())));
    }

    @Test
    void blacklistingARotatedTokenIsReuseAndEndsTheFamily() {
        TokenPair first = login();
        TokenPair second = cut.refresh(new RefreshRequest(first.refresh()));
        assertEquals(
                TokenErrors.BLACKLISTED,
                reason(assertThrows(ApiError.class, () -> cut.blacklist(new RefreshRequest(first.refresh())))));
        assertEquals(
                AuditEvent.Type.REFRESH_REUSE_DETECTED,
                audited.get(audited.size() - 1).type());
        assertThrows(ApiError.class, () -> cut.refresh(new RefreshRequest(second.refresh())));
    }

    @Test
    void logoutAllEndsEveryFamilyOfTheUser() {
        TokenPair laptop = login();
        TokenPair phone = login();
        cut.onTokensRevoked(new TokensRevoked(7, TokensRevoked.Reason.LOGOUT_ALL));
        assertThrows(ApiError.class, () -> cut.refresh(new RefreshRequest(laptop.refresh())));
        assertThrows(ApiError.class, () -> cut.refresh(new RefreshRequest(phone.refresh())));
    }

    @Test
    void verifyAcceptsLiveTokensOfEitherType() {
        TokenPair pair = login();
        assertDoesNotThrow(() -> cut.checks.verify(new VerifyRequest(pair.access())));
        assertDoesNotThrow(() -> cut.checks.verify(new VerifyRequest(pair.refresh())));
    }

    @Test
    void verifyRefusesASpentOrBlacklistedRefreshToken() {
        TokenPair first = login();
        TokenPair second = cut.refresh(new RefreshRequest(first.refresh()));
        assertEquals(
                TokenErrors.BLACKLISTED,
                reason(assertThrows(ApiError.class, () -> cut.checks.verify(new VerifyRequest(first.refresh())))));
        cut.blacklist(new RefreshRequest(second.refresh()));
        assertThrows(ApiError.class, () -> cut.checks.verify(new VerifyRequest(second.refresh())));
        assertDoesNotThrow(() -> cut.checks.verify(new VerifyRequest(second.access())), "access tokens live on");
    }

    @Test
    void verifyRefusesARefreshTokenOfARevokedFamily() {
        TokenPair pair = login();
        cut.onTokensRevoked(new TokensRevoked(7, TokensRevoked.Reason.LOGOUT_ALL));
        assertThrows(ApiError.class, () -> cut.checks.verify(new VerifyRequest(pair.refresh())));
    }

    @Test
    void verifyRefusesTokensOfInactiveRemovedAndRevokedUsers() {
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        User bob = TestCodecs.user(8, "bob");
        String removed = TestCodecs.accessToken(codec, bob, now);
        assertEquals(
                TokenErrors.BLACKLISTED,
                reason(assertThrows(ApiError.class, () -> cut.checks.verify(new VerifyRequest(removed)))));

        String aliceBefore = TestCodecs.accessToken(codec, alice, now);
        alice.revokeTokens(clock.instant());
        clock.advance(Duration.ofSeconds(6)); // past the status cache's TTL
        assertThrows(ApiError.class, () -> cut.checks.verify(new VerifyRequest(aliceBefore)));
        String aliceAfter = TestCodecs.accessToken(codec, alice, alice.tokenIssuedAt(clock.instant()));
        assertDoesNotThrow(() -> cut.checks.verify(new VerifyRequest(aliceAfter)));

        alice.setActive(false, clock.instant());
        clock.advance(Duration.ofSeconds(6)); // past the status cache's TTL
        assertThrows(ApiError.class, () -> cut.checks.verify(new VerifyRequest(aliceAfter)));
    }

    @Test
    void verifyRefusesGarbageWithSimpleJwtsReason() {
        assertEquals(
                TokenCodec.INVALID,
                reason(assertThrows(ApiError.class, () -> cut.checks.verify(new VerifyRequest("not.a.token")))));
        assertEquals(
                400,
                assertThrows(ApiError.class, () -> cut.checks.verify(new VerifyRequest(null)))
                        .status());
    }

    @Test
    void withinTheReuseIntervalARotatedTokenGetsTheFamilysCurrentPair() throws Exception {
        reuseInterval = Duration.ofSeconds(10);
        TokenPair first = login();
        TokenPair second = cut.refresh(new RefreshRequest(first.refresh()));
        clock.advance(Duration.ofSeconds(10));
        TokenPair retried = cut.refresh(new RefreshRequest(first.refresh()));
        assertEquals(
                codec.verify(second.refresh(), TokenCodec.REFRESH).getTokenID(),
                codec.verify(retried.refresh(), TokenCodec.REFRESH).getTokenID(),
                "the same live refresh token, signed anew");
        assertTrue(audited.get(audited.size() - 1).detail().endsWith(", again within the reuse interval"));
        assertNotNull(cut.refresh(new RefreshRequest(second.refresh())).refresh(), "the family lives on");
    }

    @Test
    void pastTheReuseIntervalARotatedTokenEndsTheFamily() {
        reuseInterval = Duration.ofSeconds(10);
        TokenPair first = login();
        TokenPair second = cut.refresh(new RefreshRequest(first.refresh()));
        clock.advance(Duration.ofSeconds(11));
        assertEquals(
                TokenErrors.BLACKLISTED,
                reason(assertThrows(ApiError.class, () -> cut.refresh(new RefreshRequest(first.refresh())))));
        assertEquals(
                AuditEvent.Type.REFRESH_REUSE_DETECTED,
                audited.get(audited.size() - 1).type());
        assertThrows(ApiError.class, () -> cut.refresh(new RefreshRequest(second.refresh())));
    }

    @Test
    void withinTheReuseIntervalBlacklistingARotatedTokenIsALogoutNotAReplay() {
        reuseInterval = Duration.ofSeconds(10);
        TokenPair first = login();
        TokenPair second = cut.refresh(new RefreshRequest(first.refresh()));
        cut.blacklist(new RefreshRequest(first.refresh()));
        AuditEvent last = audited.get(audited.size() - 1);
        assertEquals(AuditEvent.Type.TOKEN_REVOKED, last.type(), "no reuse detected");
        assertThrows(ApiError.class, () -> cut.refresh(new RefreshRequest(second.refresh())), "the session ended");
    }

    @Test
    void aNegativeReuseIntervalIsAConfigurationError() {
        reuseInterval = Duration.ofSeconds(-1);
        assertThrows(IllegalArgumentException.class, () -> codec.settings.refreshReuseInterval());
    }
}
