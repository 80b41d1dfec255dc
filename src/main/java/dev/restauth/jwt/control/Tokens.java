package dev.restauth.jwt.control;

import dev.restauth.audit.control.Audit;
import dev.restauth.audit.entity.AuditEvent.Type;
import dev.restauth.jwt.entity.Credentials;
import dev.restauth.jwt.entity.RefreshRequest;
import dev.restauth.jwt.entity.RefreshToken;
import dev.restauth.jwt.entity.TokenPair;
import dev.restauth.platform.entity.RequestOrigin;
import dev.restauth.users.control.UserIdentityStore;
import dev.restauth.users.control.UserStore;
import dev.restauth.users.entity.TokensRevoked;
import dev.restauth.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
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

    @Inject
    TokenChecks checks;

    @Inject
    TokenCodec codec;

    @Inject
    LegacyTokenExchange legacy;

    @Inject
    TokenIssuer issuer;

    @Inject
    RefreshReuse reuse;

    @Inject
    TokenBlacklist blacklist;

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
                    users.recordLogin(user.id(), now);
                    UUID family = UUID.randomUUID();
                    audit.record(Type.TOKEN_ISSUED, user.username(), "JWT pair, refresh family " + family, origin);
                    return issuer.newSession(user, family, now);
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
            return issuer.newSession(user, UUID.randomUUID(), clock.instant());
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
            reuse.count(RefreshReuse.RefreshOutcome.REFRESHED);
            return new TokenPair(null, issuer.access(user, now));
        }
        RefreshToken successor = issuer.newRefreshToken(user, row.familyId(), now);
        if (refreshTokens.rotate(presented.getTokenID(), now, successor)) {
            audit.record(Type.TOKEN_REFRESHED, user.username(), "refresh family " + row.familyId());
            reuse.count(RefreshReuse.RefreshOutcome.ROTATED);
            return new TokenPair(issuer.refreshToken(user, successor), issuer.access(user, now));
        }
        RefreshToken current =
                reuse.recentlyRotated(presented.getTokenID(), now).orElse(null);
        if (current != null) {
            audit.record(
                    Type.TOKEN_REFRESHED,
                    user.username(),
                    "refresh family " + row.familyId() + ", again within the reuse interval");
            reuse.count(RefreshReuse.RefreshOutcome.RETRIED);
            return new TokenPair(issuer.refreshToken(user, current), issuer.access(user, now));
        }
        reuse.reused(presented.getTokenID(), user.username(), now);
        throw TokenErrors.tokenNotValid(TokenErrors.BLACKLISTED);
    }

    /** Logout ({@link TokenBlacklist}): the refresh token, and the session it belongs to, are dead. */
    public void blacklist(RefreshRequest request) {
        blacklist.blacklist(request);
    }

    void onTokensRevoked(@Observes TokensRevoked revoked) {
        refreshTokens.revokeAllFamilies(revoked.userId(), clock.instant());
    }
}
