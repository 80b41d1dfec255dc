package dev.restauth.jwt.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.restauth.audit.control.TestAudits;
import dev.restauth.audit.entity.AuditEvent;
import dev.restauth.authentication.entity.Caller;
import dev.restauth.errors.control.ApiError;
import dev.restauth.users.control.InMemoryUsers;
import dev.restauth.users.entity.User;
import io.smallrye.jwt.auth.cdi.PrincipalProducer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SimpleJWT's JWTAuthentication: the token, then its user as the status cache sees them. */
class BearerSchemeTest {

    BearerScheme cut;
    TokenCodec codec;
    List<AuditEvent> audited;
    User alice;
    User inactive;
    Instant now;

    @BeforeEach
    void wire() {
        TestCodecs.MovableClock clock = new TestCodecs.MovableClock();
        now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        codec = TestCodecs.codec(clock);
        alice = InMemoryUsers.user(7, "alice", "staff");
        inactive = InMemoryUsers.user(8, "gone");
        inactive.setActive(false, now.minusSeconds(30));
        audited = new ArrayList<>();
        cut = new BearerScheme();
        cut.codec = codec;
        cut.legacy = TestCodecs.noLegacyTokens();
        cut.users = new InMemoryUsers(alice, inactive).statusCache(clock);
        cut.jsonWebTokens = mock(PrincipalProducer.class);
        cut.audit = TestAudits.into(audited);
    }

    ApiError refused(List<String> credentials) {
        ApiError refused = assertThrows(ApiError.class, () -> cut.authenticate(credentials));
        assertEquals(401, refused.status());
        assertEquals("Bearer realm=\"api\"", refused.headers().get("WWW-Authenticate"));
        assertEquals(AuditEvent.Type.TOKEN_REJECTED, audited.get(0).type());
        verify(cut.jsonWebTokens, never()).setJsonWebToken(any());
        return refused;
    }

    @Test
    void aLiveAccessTokenIsItsUserWithTheirCurrentRoles() {
        Caller caller = cut.authenticate(List.of(TestCodecs.accessToken(codec, alice, now)));
        assertEquals("alice", caller.name());
        assertEquals(Set.of("staff", "authenticated"), caller.roles());
        verify(cut.jsonWebTokens).setJsonWebToken(any());
    }

    @Test
    void notExactlyOneValueIsABadHeader() {
        assertEquals("bad_authorization_header", refused(List.of()).body().code());
    }

    @Test
    void aRefreshTokenIsNoAccessToken() {
        ApiError error = refused(List.of(TestCodecs.refreshToken(codec, alice, now)));
        assertEquals("Given token not valid for any token type", error.body().detail());
        assertEquals("Token has wrong type", error.body().messages().get(0).message());
    }

    @Test
    void aRemovedUsersTokenIsUserNotFound() {
        assertEquals(
                "user_not_found",
                refused(List.of(TestCodecs.accessToken(codec, InMemoryUsers.user(9, "removed"), now)))
                        .body()
                        .code());
    }

    @Test
    void anInactiveUsersTokenIsUserInactive() {
        assertEquals(
                "user_inactive",
                refused(List.of(TestCodecs.accessToken(codec, inactive, now)))
                        .body()
                        .code());
    }

    @Test
    void aTokenIssuedBeforeTheWatermarkIsBlacklisted() {
        String token = TestCodecs.accessToken(codec, alice, now.minusSeconds(10));
        alice.revokeTokens(now);
        assertEquals(
                "Token is blacklisted",
                refused(List.of(token)).body().messages().get(0).message());
    }
}
