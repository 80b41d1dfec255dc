package dev.restauth.jwt.control;

import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tokens of the service restauth replaces, accepted for a while so that a move logs nobody out
 * (issue 18's cutover). An interface because the implementation lives in the django component,
 * which sits above jwt: jwt asks through this, CDI finds the bean, and jwt never imports django.
 */
public interface LegacyTokens {

    /**
     * An old token whose signature, type and expiry were checked; the user rules are the caller's.
     *
     * @param jwt the claims, for resources that inject {@code JsonWebToken}
     */
    record Verified(long userId, String jti, Instant issuedAt, Instant expiresAt, JsonWebToken jwt) {

        @Override
        public String toString() {
            return "LegacyTokens.Verified[user " + userId + "]";
        }
    }

    /**
     * The old service's token of {@code type} ({@link TokenCodec#ACCESS} or {@link
     * TokenCodec#REFRESH}), verified; empty when the cutover is off or past its deadline, or the
     * token is not such a token or not valid. Never throws for a bad token.
     */
    Optional<Verified> verify(String token, String type);

    /**
     * Spends an old refresh token: true for exactly one caller per {@code jti}, on any node (the
     * database decides); false when it was exchanged before or blacklisted by the old service.
     */
    boolean exchange(Verified refresh);
}
