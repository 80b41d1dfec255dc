package dev.restauth.jwt.control;

import dev.restauth.jwt.entity.RefreshToken;
import dev.restauth.jwt.entity.TokenPair;
import dev.restauth.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/**
 * Issues our tokens for a user: a new refresh family with its first pair, a refresh token's
 * successor, an access token. Every token's {@code iat} respects the user's watermark, so a token
 * issued in the second of a logout-all is not born dead.
 */
@ApplicationScoped
public class TokenIssuer {

    @Inject
    TokenSigner signer;

    @Inject
    RefreshTokenStore refreshTokens;

    @Inject
    JwtSettings settings;

    /** A new refresh family and its first pair. */
    TokenPair newSession(User user, UUID family, Instant now) {
        refreshTokens.startFamily(family, user.id(), now);
        RefreshToken first = newRefreshToken(user, family, now);
        refreshTokens.record(first.jti(), family, user.id(), first.issuedAt(), first.expiresAt());
        return new TokenPair(refreshToken(user, first), access(user, now));
    }

    /** The row of a new refresh token of this family (not stored yet: rotation stores it). */
    RefreshToken newRefreshToken(User user, UUID family, Instant now) {
        Instant issuedAt = user.tokenIssuedAt(now);
        return new RefreshToken(
                signer.newJti(), family, user.id(), issuedAt, issuedAt.plus(settings.refreshLifetime()));
    }

    /** The signed refresh token of a row. */
    String refreshToken(User user, RefreshToken row) {
        return signer.sign(TokenCodec.REFRESH, row.jti(), user, row.issuedAt(), row.expiresAt());
    }

    String access(User user, Instant now) {
        Instant issuedAt = user.tokenIssuedAt(now);
        Instant expires = issuedAt.plus(settings.accessLifetime());
        return signer.sign(TokenCodec.ACCESS, signer.newJti(), user, issuedAt, expires);
    }
}
