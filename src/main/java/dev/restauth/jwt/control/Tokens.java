package dev.restauth.jwt.control;

import dev.restauth.audit.control.Audit;
import dev.restauth.audit.entity.AuditEvent.Type;
import dev.restauth.jwt.entity.Credentials;
import dev.restauth.jwt.entity.RefreshRequest;
import dev.restauth.jwt.entity.RefreshToken;
import dev.restauth.jwt.entity.TokenPair;
import dev.restauth.platform.control.OutcomeCounter;
import dev.restauth.platform.entity.RequestOrigin;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * SimpleJWT's session operations: obtain a pair, refresh it (with rotation), blacklist it. A
 * refresh token presented again after it was rotated means two parties hold it: its whole family
 * dies, whether it comes back to be refreshed or to be blacklisted — unless it comes back within
 * {@code jwt.refresh.reuse-interval} (off by default), where a lost answer or a second tab is the
 * likelier cause: then it gets the family's current pair (docs/security.md weighs the trade-off).
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
        /** Came back after rotation, within {@code jwt.refresh.reuse-interval}: a retry, answered. */
        RETRIED,
        /** Came back after rotation: its family was revoked. */
        REUSE_DETECTED
    }

    @Inject
    TokenChecks checks;

    @Inject
    TokenCodec codec;

    @Inject
    LegacyTokenExchange legacy;

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

    /**
     * A login: a new refresh family and its first pair, issued once the password check is done
     * (on a managed thread, so the request's origin comes along).
     */
    public CompletionStage<TokenPair> obtain(Credentials credentials, RequestOrigin origin) {
        JwtRequests.check(credentials);
        return identityStore
                .login(credentials.username(), credentials.password().toCharArray(), origin)
                .thenApply(found -> {
                    User user = found.orElseThrow(TokenErrors::noActiveAccount);
                    Instant now = clock.instant();
                    users.update(user.username(), row -> row.recordLogin(now));
                    UUID family = UUID.randomUUID();
                    audit.record(Type.TOKEN_ISSUED, user.username(), "JWT pair, refresh family " + family, origin);
                    return pair(user, family, now);
                });
    }

    /**
     * A new access token for a live refresh token (and, rotating, a new refresh token). A token
     * rotated less than {@code jwt.refresh.reuse-interval} ago gets the pair its family holds now
     * instead: the same live refresh token (signed anew) and a new access token.
     */
    public TokenPair refresh(RefreshRequest request) {
        JwtRequests.checkToken("refresh", request.refresh());
        JsonWebToken presented;
        try {
            presented = codec.verify(request.refresh(), TokenCodec.REFRESH);
        } catch (TokenCodec.Rejected rejected) {
            // The old service's refresh token, during a cutover: exchanged once for a new session.
            User user = legacy.exchange(request.refresh())
                    .orElseThrow(() -> TokenErrors.tokenNotValid(rejected.getMessage()));
            return pair(user, UUID.randomUUID(), clock.instant());
        }
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
        RefreshToken successor = newRefreshToken(user, row.familyId(), now);
        if (refreshTokens.rotate(presented.getTokenID(), now, successor)) {
            audit.record(Type.TOKEN_REFRESHED, user.username(), "refresh family " + row.familyId());
            outcomes.count(RefreshOutcome.ROTATED);
            return new TokenPair(refreshToken(user, successor), access(user, now));
        }
        RefreshToken current = recentlyRotated(presented.getTokenID(), now).orElse(null);
        if (current != null) {
            audit.record(
                    Type.TOKEN_REFRESHED,
                    user.username(),
                    "refresh family " + row.familyId() + ", again within the reuse interval");
            outcomes.count(RefreshOutcome.RETRIED);
            return new TokenPair(refreshToken(user, current), access(user, now));
        }
        reused(presented.getTokenID(), user.username(), now);
        throw TokenErrors.tokenNotValid(TokenErrors.BLACKLISTED);
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
            // Within the reuse interval the token was rotated by the client itself (another tab, a
            // refresh whose answer was lost): a logout, not a replay. The session ends either way.
            boolean retry = refreshTokens
                    .find(presented.getTokenID())
                    .filter(current -> current.rotatedSince(now.minus(settings.refreshReuseInterval())))
                    .isPresent();
            if (settings.refreshReuseInterval().isZero() || !retry) {
                reused(presented.getTokenID(), Claims.text(presented, "username"), now);
                throw TokenErrors.tokenNotValid(TokenErrors.BLACKLISTED);
            }
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

    /** The live token of the family of a token rotated within the reuse interval, if any. */
    private Optional<RefreshToken> recentlyRotated(String jti, Instant now) {
        Duration window = settings.refreshReuseInterval();
        if (window.isZero()) {
            return Optional.empty();
        }
        return refreshTokens.currentOfRecentlyRotated(jti, now.minus(window), now);
    }

    /** A new refresh family and its first pair. */
    private TokenPair pair(User user, UUID family, Instant now) {
        refreshTokens.startFamily(family, user.id(), now);
        RefreshToken first = newRefreshToken(user, family, now);
        refreshTokens.record(first.jti(), family, user.id(), first.issuedAt(), first.expiresAt());
        return new TokenPair(refreshToken(user, first), access(user, now));
    }

    private RefreshToken newRefreshToken(User user, UUID family, Instant now) {
        Instant issuedAt = user.tokenIssuedAt(now);
        return new RefreshToken(
                signer.newJti(), family, user.id(), issuedAt, issuedAt.plus(settings.refreshLifetime()));
    }

    private String refreshToken(User user, RefreshToken row) {
        return signer.sign(TokenCodec.REFRESH, row.jti(), user, row.issuedAt(), row.expiresAt());
    }

    private String access(User user, Instant now) {
        Instant issuedAt = user.tokenIssuedAt(now);
        Instant expires = issuedAt.plus(settings.accessLifetime());
        return signer.sign(TokenCodec.ACCESS, signer.newJti(), user, issuedAt, expires);
    }
}
