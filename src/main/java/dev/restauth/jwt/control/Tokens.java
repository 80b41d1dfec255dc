package dev.restauth.jwt.control;

import dev.restauth.audit.control.Audit;
import dev.restauth.audit.entity.AuditEvent.Type;
import dev.restauth.errors.control.FieldErrors;
import dev.restauth.jwt.entity.Credentials;
import dev.restauth.jwt.entity.RefreshToken;
import dev.restauth.jwt.entity.TokenPair;
import dev.restauth.users.control.UserIdentityStore;
import dev.restauth.users.control.UserStatusCache;
import dev.restauth.users.control.UserStore;
import dev.restauth.users.entity.TokensRevoked;
import dev.restauth.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** SimpleJWT's token operations: obtain, refresh (with rotation), verify, blacklist, logout-all. */
@ApplicationScoped
public class Tokens {

    @Inject
    TokenCodec codec;

    @Inject
    RefreshTokenStore refreshTokens;

    @Inject
    UserIdentityStore identityStore;

    @Inject
    UserStore users;

    @Inject
    UserStatusCache statusCache;

    @Inject
    JwtSettings settings;

    @Inject
    Event<TokensRevoked> tokensRevoked;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    /** A login: a new refresh family and its first pair. */
    public TokenPair obtain(Credentials credentials) {
        Credentials given = credentials == null ? new Credentials(null, null) : credentials;
        Map<String, List<String>> errors = new LinkedHashMap<>();
        FieldErrors.requireText("username", given.username(), errors);
        FieldErrors.requireText("password", given.password(), errors);
        if (!errors.isEmpty()) {
            throw new FieldErrors(errors);
        }
        User user = identityStore
                .authenticate(given.username(), given.password().toCharArray())
                .orElseThrow(TokenErrors::noActiveAccount);
        Instant now = clock.instant();
        users.update(user.username(), found -> found.recordLogin(now));
        UUID family = UUID.randomUUID();
        refreshTokens.startFamily(family, user.id(), now);
        audit.record(Type.TOKEN_ISSUED, user.username(), "JWT pair, refresh family " + family);
        return issue(user, family, now, true);
    }

    /**
     * Exchanges a live refresh token for a new access token (and, rotating, a new refresh token).
     * Presenting a token that was already rotated means two parties hold it: the whole family dies.
     */
    public TokenPair refresh(String refreshToken) {
        JsonWebToken presented = verified(refreshToken, TokenCodec.REFRESH);
        User user = tokenUser(presented).orElseThrow(TokenErrors::noActiveAccountForToken);
        if (isRevoked(presented, user)) {
            throw TokenErrors.tokenNotValid(TokenErrors.BLACKLISTED);
        }
        String jti = presented.getTokenID();
        Instant now = clock.instant();
        RefreshToken row = refreshTokens.find(jti).orElseThrow(() -> TokenErrors.tokenNotValid(TokenCodec.INVALID));
        if (!settings.rotateRefreshTokens()) {
            if (row.isBlacklisted() || refreshTokens.isFamilyRevoked(row.familyId())) {
                throw TokenErrors.tokenNotValid(TokenErrors.BLACKLISTED);
            }
            return new TokenPair(null, access(user, now));
        }
        if (!refreshTokens.rotate(jti, now)) {
            RefreshToken current = refreshTokens.find(jti).orElseThrow();
            if (current.isRotated() && !current.isBlacklisted()) {
                refreshTokens.revokeFamily(current.familyId(), now);
                audit.record(
                        Type.REFRESH_REUSE_DETECTED,
                        user.username(),
                        "a rotated refresh token came back; refresh family " + current.familyId() + " revoked");
            }
            throw TokenErrors.tokenNotValid(TokenErrors.BLACKLISTED);
        }
        audit.record(Type.TOKEN_REFRESHED, user.username(), "refresh family " + row.familyId());
        return issue(user, row.familyId(), now, true);
    }

    /** Any of our tokens, still good: signature, expiry, and not revoked since. */
    public void verify(String token) {
        JsonWebToken jwt = verified(token, null);
        // The user as a Bearer request sees them (UserStatusCache), not a query per verification.
        Optional<UserStatusCache.Status> user = userId(jwt).flatMap(statusCache::status);
        if (user.isEmpty()
                || !user.get().active()
                || user.get().revoked(Instant.ofEpochSecond(jwt.getIssuedAtTime()))) {
            throw TokenErrors.tokenNotValid(TokenErrors.BLACKLISTED);
        }
        if (TokenCodec.REFRESH.equals(TokenCodec.text(jwt, "token_type"))) {
            RefreshToken row = refreshTokens
                    .find(jwt.getTokenID())
                    .orElseThrow(() -> TokenErrors.tokenNotValid(TokenCodec.INVALID));
            if (row.isBlacklisted() || row.isRotated() || refreshTokens.isFamilyRevoked(row.familyId())) {
                throw TokenErrors.tokenNotValid(TokenErrors.BLACKLISTED);
            }
        }
    }

    /** Logout: the refresh token, and the session it belongs to, are dead. */
    public void blacklist(String refreshToken) {
        JsonWebToken presented = verified(refreshToken, TokenCodec.REFRESH);
        Instant now = clock.instant();
        RefreshToken row = refreshTokens
                .find(presented.getTokenID())
                .orElseThrow(() -> TokenErrors.tokenNotValid(TokenCodec.INVALID));
        if (!refreshTokens.blacklist(presented.getTokenID(), now)) {
            throw TokenErrors.tokenNotValid(TokenErrors.BLACKLISTED);
        }
        refreshTokens.revokeFamily(row.familyId(), now);
        audit.record(
                Type.TOKEN_REVOKED,
                null,
                "refresh family " + row.familyId() + " of user id " + row.userId() + " blacklisted");
    }

    /** Every session of the user ends: refresh families revoked, access tokens below the watermark. */
    public void logoutAll(String username) {
        Instant now = clock.instant();
        users.update(username, user -> user.revokeTokens(now)).ifPresent(user -> {
            statusCache.evict(user.id());
            tokensRevoked.fire(new TokensRevoked(user.id(), TokensRevoked.Reason.LOGOUT_ALL));
        });
    }

    void onTokensRevoked(@Observes TokensRevoked revoked) {
        refreshTokens.revokeAllFamilies(revoked.userId(), clock.instant());
    }

    private TokenPair issue(User user, UUID family, Instant now, boolean withRefresh) {
        Instant issuedAt = user.tokenIssuedAt(now);
        String refresh = null;
        if (withRefresh) {
            String jti = codec.newJti();
            Instant expires = issuedAt.plus(settings.refreshLifetime());
            refreshTokens.record(jti, family, user.id(), issuedAt, expires);
            refresh = codec.sign(TokenCodec.REFRESH, jti, user, issuedAt, expires);
        }
        return new TokenPair(refresh, access(user, now));
    }

    private String access(User user, Instant now) {
        Instant issuedAt = user.tokenIssuedAt(now);
        return codec.sign(TokenCodec.ACCESS, codec.newJti(), user, issuedAt, issuedAt.plus(settings.accessLifetime()));
    }

    private JsonWebToken verified(String token, String type) {
        if (token == null || token.isBlank()) {
            throw FieldErrors.of(
                    type == null ? "token" : type, token == null ? FieldErrors.REQUIRED : FieldErrors.BLANK);
        }
        try {
            return codec.verify(token, type);
        } catch (TokenCodec.Rejected rejected) {
            throw TokenErrors.tokenNotValid(rejected.getMessage());
        }
    }

    /** Issued before the user's watermark: logged out everywhere, password changed, deactivated. */
    private static boolean isRevoked(JsonWebToken jwt, User user) {
        return user.revoked(Instant.ofEpochSecond(jwt.getIssuedAtTime()));
    }

    /** The token's user, if they still exist and are active. */
    private Optional<User> tokenUser(JsonWebToken jwt) {
        return userId(jwt).flatMap(users::findById).filter(User::isActive);
    }

    private static Optional<Long> userId(JsonWebToken jwt) {
        try {
            return Optional.of(Long.parseLong(TokenCodec.text(jwt, "user_id")));
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }
}
