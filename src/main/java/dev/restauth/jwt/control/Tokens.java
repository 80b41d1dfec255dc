package dev.restauth.jwt.control;

import dev.restauth.audit.control.Audit;
import dev.restauth.audit.entity.AuditEvent.Type;
import dev.restauth.jwt.entity.Credentials;
import dev.restauth.jwt.entity.RefreshRequest;
import dev.restauth.jwt.entity.RefreshToken;
import dev.restauth.jwt.entity.TokenPair;
import dev.restauth.platform.control.OutcomeCounter;
import dev.restauth.users.control.UserIdentityStore;
import dev.restauth.users.control.UserStore;
import dev.restauth.users.entity.TokensRevoked;
import dev.restauth.users.entity.User;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * SimpleJWT's session operations: obtain a pair, refresh it (with rotation), blacklist it. A
 * refresh token presented again after it was rotated means two parties hold it: its whole family
 * dies, whether it comes back to be refreshed or to be blacklisted.
 */
@ApplicationScoped
public class Tokens {

    /** What became of a refresh token presented to refresh or blacklist, for the metrics. */
    enum RefreshOutcome {
        /** Refreshed with rotation off: the same refresh token lives on. */
        REFRESHED,
        /** Refreshed and rotated: a new refresh token replaces it. */
        ROTATED,
        /** Blacklisted at logout, its family with it. */
        BLACKLISTED,
        /** Came back after rotation: its family was revoked. */
        REUSE_DETECTED
    }

    @Inject
    TokenChecks checks;

    @Inject
    TokenSigner signer;

    @Inject
    RefreshTokenStore refreshTokens;

    @Inject
    UserIdentityStore identityStore;

    @Inject
    UserStore users;

    @Inject
    JwtSettings settings;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry meters;

    private OutcomeCounter<RefreshOutcome> outcomes = OutcomeCounter.none();

    @PostConstruct
    void registerMeters() {
        outcomes = OutcomeCounter.register(
                meters,
                "restauth.refresh.tokens",
                "Refresh tokens presented and accepted or caught, by what became of them",
                RefreshOutcome.class);
    }

    /** A login: a new refresh family and its first pair. */
    public TokenPair obtain(Credentials credentials) {
        JwtRequests.check(credentials);
        User user = identityStore
                .login(credentials.username(), credentials.password().toCharArray())
                .orElseThrow(TokenErrors::noActiveAccount);
        Instant now = clock.instant();
        users.update(user.username(), found -> found.recordLogin(now));
        UUID family = UUID.randomUUID();
        refreshTokens.startFamily(family, user.id(), now);
        audit.record(Type.TOKEN_ISSUED, user.username(), "JWT pair, refresh family " + family);
        return pair(user, family, now);
    }

    /** A new access token for a live refresh token (and, rotating, a new refresh token). */
    public TokenPair refresh(RefreshRequest request) {
        JsonWebToken presented = checks.verified("refresh", request.refresh(), TokenCodec.REFRESH);
        User user = checks.user(presented).orElseThrow(TokenErrors::noActiveAccountForToken);
        if (user.revoked(Instant.ofEpochSecond(presented.getIssuedAtTime()))) {
            throw TokenErrors.tokenNotValid(TokenErrors.BLACKLISTED);
        }
        RefreshToken row = checks.row(presented);
        Instant now = clock.instant();
        if (!settings.rotateRefreshTokens()) {
            if (row.isBlacklisted() || refreshTokens.isFamilyRevoked(row.familyId())) {
                throw TokenErrors.tokenNotValid(TokenErrors.BLACKLISTED);
            }
            outcomes.count(RefreshOutcome.REFRESHED);
            return new TokenPair(null, access(user, now));
        }
        if (!refreshTokens.rotate(presented.getTokenID(), now)) {
            reused(presented.getTokenID(), user.username(), now);
            throw TokenErrors.tokenNotValid(TokenErrors.BLACKLISTED);
        }
        audit.record(Type.TOKEN_REFRESHED, user.username(), "refresh family " + row.familyId());
        outcomes.count(RefreshOutcome.ROTATED);
        return pair(user, row.familyId(), now);
    }

    /**
     * Logout: the refresh token, and the session it belongs to, are dead. SimpleJWT answers a
     * token it blacklisted at rotation with "Token is blacklisted"; so do we, and revoke its family.
     */
    public void blacklist(RefreshRequest request) {
        JsonWebToken presented = checks.verified("refresh", request.refresh(), TokenCodec.REFRESH);
        RefreshToken row = checks.row(presented);
        Instant now = clock.instant();
        if (!refreshTokens.blacklist(presented.getTokenID(), now)) {
            reused(presented.getTokenID(), Claims.text(presented, "username"), now);
            throw TokenErrors.tokenNotValid(TokenErrors.BLACKLISTED);
        }
        refreshTokens.revokeFamily(row.familyId(), now);
        outcomes.count(RefreshOutcome.BLACKLISTED);
        audit.record(
                Type.TOKEN_REVOKED,
                null,
                "refresh family " + row.familyId() + " of user id " + row.userId() + " blacklisted");
    }

    void onTokensRevoked(@Observes TokensRevoked revoked) {
        refreshTokens.revokeAllFamilies(revoked.userId(), clock.instant());
    }

    /** If the token was rotated before, whoever presents it now is replaying it: end the family. */
    private void reused(String jti, String username, Instant now) {
        RefreshToken current = refreshTokens.find(jti).orElseThrow();
        if (current.isRotated() && !current.isBlacklisted()) {
            refreshTokens.revokeFamily(current.familyId(), now);
            outcomes.count(RefreshOutcome.REUSE_DETECTED);
            audit.record(
                    Type.REFRESH_REUSE_DETECTED,
                    username,
                    "a rotated refresh token came back; refresh family " + current.familyId() + " revoked");
        }
    }

    private TokenPair pair(User user, UUID family, Instant now) {
        Instant issuedAt = user.tokenIssuedAt(now);
        String jti = signer.newJti();
        Instant expires = issuedAt.plus(settings.refreshLifetime());
        refreshTokens.record(jti, family, user.id(), issuedAt, expires);
        return new TokenPair(signer.sign(TokenCodec.REFRESH, jti, user, issuedAt, expires), access(user, now));
    }

    private String access(User user, Instant now) {
        Instant issuedAt = user.tokenIssuedAt(now);
        Instant expires = issuedAt.plus(settings.accessLifetime());
        return signer.sign(TokenCodec.ACCESS, signer.newJti(), user, issuedAt, expires);
    }
}
