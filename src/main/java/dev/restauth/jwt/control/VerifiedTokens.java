package dev.restauth.jwt.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.restauth.platform.control.Clocks;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * SmallRye's parser for one key set, and the access tokens it has verified. One ECDSA
 * verification costs more CPU than the rest of a request, and a client sends the same access token
 * with every request for its lifetime, so a verified token is remembered: keyed by the whole token
 * (only the very bytes that were verified can hit), until its {@code exp} plus the allowed skew,
 * at most {@code max} of them (about 3 KB each). A new key set (rotation, a reload) means a new
 * instance, so its cache starts empty: that is the eviction rule.
 */
final class VerifiedTokens {

    private static final long GRACE_SECONDS = 60;

    private final String jwks;
    private final DefaultJWTParser parser;
    private final Cache<String, JsonWebToken> verified;

    VerifiedTokens(String jwks, JwtSettings settings, Clock clock, int max) {
        this.jwks = jwks;
        JWTAuthContextInfo context = new JWTAuthContextInfo();
        context.setPublicKeyContent(jwks);
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.ES256));
        context.setIssuedBy(settings.issuer());
        context.setExpectedAudience(Set.of(settings.audience()));
        context.setClockSkew(settings.clockSkewSeconds());
        context.setRequiredClaims(Set.of("token_type", "jti", "iat", "exp", "user_id"));
        this.parser = new DefaultJWTParser(context);
        this.verified = Caffeine.newBuilder()
                .maximumSize(max)
                .expireAfter(untilExpired(clock, settings.clockSkewSeconds()))
                .ticker(Clocks.ticker(clock))
                .recordStats()
                .build();
    }

    boolean isFor(String keySet) {
        return jwks.equals(keySet);
    }

    JsonWebToken parse(String token) throws ParseException {
        return parser.parse(token);
    }

    JsonWebToken remembered(String token) {
        return verified.getIfPresent(token);
    }

    void remember(String token, JsonWebToken jwt) {
        verified.put(token, jwt);
    }

    void forget(String token) {
        verified.invalidate(token);
    }

    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    CacheStats stats() {
        return verified.stats();
    }

    /**
     * Kept a little past the token's expiry by jose4j's rule (expired once {@code now - skew >=
     * exp}): {@link TokenCodec} checks expiry on every hit and says "Token is expired"; this only
     * makes room.
     */
    private static Expiry<String, JsonWebToken> untilExpired(Clock clock, int skewSeconds) {
        return new Expiry<>() {
            @Override
            public long expireAfterCreate(String token, JsonWebToken jwt, long currentTime) {
                long seconds = jwt.getExpirationTime()
                        + skewSeconds
                        + GRACE_SECONDS
                        - clock.instant().getEpochSecond();
                return TimeUnit.SECONDS.toNanos(Math.max(0, seconds));
            }

            @Override
            public long expireAfterUpdate(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
                return expireAfterCreate(token, jwt, currentTime);
            }

            @Override
            public long expireAfterRead(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
                return currentDuration;
            }
        };
    }
}
