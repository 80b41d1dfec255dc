package dev.restauth.jwt.control;

import dev.restauth.jwt.entity.RefreshToken;
import dev.restauth.jwt.entity.VerifyRequest;
import dev.restauth.users.control.UserStatusCache;
import dev.restauth.users.control.UserStore;
import dev.restauth.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** What the token endpoints check of a presented token, and SimpleJWT's verify endpoint. */
@ApplicationScoped
public class TokenChecks {

    @Inject
    TokenCodec codec;

    @Inject
    RefreshTokenStore refreshTokens;

    @Inject
    UserStore users;

    @Inject
    UserStatusCache statusCache;

    /** Any of our tokens, still good: signature, expiry, and not revoked since. */
    public void verify(VerifyRequest request) {
        JsonWebToken jwt = verified("token", request.token(), null);
        // The user as a Bearer request sees them (UserStatusCache), not a query per verification.
        long userId = Claims.userId(jwt);
        Optional<UserStatusCache.Status> user = userId < 0 ? Optional.empty() : statusCache.status(userId);
        if (user.isEmpty()
                || !user.get().active()
                || user.get().revoked(Instant.ofEpochSecond(jwt.getIssuedAtTime()))) {
            throw TokenErrors.tokenNotValid(TokenErrors.BLACKLISTED);
        }
        if (TokenCodec.REFRESH.equals(Claims.text(jwt, "token_type"))) {
            RefreshToken row = row(jwt);
            if (row.isBlacklisted() || row.isRotated() || refreshTokens.isFamilyRevoked(row.familyId())) {
                throw TokenErrors.tokenNotValid(TokenErrors.BLACKLISTED);
            }
        }
    }

    /** The token in {@code field}, verified, of {@code type} (either when null). */
    JsonWebToken verified(String field, String token, String type) {
        JwtRequests.checkToken(field, token);
        try {
            return codec.verify(token, type);
        } catch (TokenCodec.Rejected rejected) {
            throw TokenErrors.tokenNotValid(rejected.getMessage());
        }
    }

    /** The row of a verified refresh token; one we cannot find is no token of ours. */
    RefreshToken row(JsonWebToken refresh) {
        return refreshTokens
                .find(refresh.getTokenID())
                .orElseThrow(() -> TokenErrors.tokenNotValid(TokenCodec.INVALID));
    }

    /** The token's user, if they still exist and are active. */
    Optional<User> user(JsonWebToken jwt) {
        long userId = Claims.userId(jwt);
        return userId < 0 ? Optional.empty() : users.findById(userId).filter(User::isActive);
    }
}
