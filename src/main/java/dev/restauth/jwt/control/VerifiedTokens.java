package dev.restauth.jwt.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.restauth.platform.control.Clocks;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * SmallRye's parser for one key set, and the access tokens it has verified. One ECDSA
 * verification costs more CPU than the rest of a request, and a client sends the same access token
 * with every request for its lifetime, so a verified token is remembered: keyed by the whole token
 * (only the very bytes that were verified can hit), until its {@code exp} plus the allowed skew
 * ({@link UntilExpired}), at most {@code max} of them (about 3 KB each). A refused token is
 * remembered too, with its reason, for {@link #REFUSED_FOR}: a client that repeats a forged or
 * expired token (a broken client, a flood) then costs a lookup instead of a signature check, so
 * refusing stays as cheap as accepting. A new key set (rotation, a reload) means a new instance, so both caches start empty:
 * that is the eviction rule.
 */
final class VerifiedTokens {

    /**
     * How long a refusal is remembered. Forever would do for a bad signature or an expired token;
     * a minute also lets a token that failed for a passing reason (a key this node had not loaded
     * yet is handled by the new key set's new instance) be checked again soon.
     */
    static final Duration REFUSED_FOR = Duration.ofMinutes(1);

    /** Characters of refused tokens remembered at most (tokens are weighed by their length). */
    static final long MAX_REFUSED_CHARS = 4_000_000;

    private final String jwks;
    private final Set<String> kids;
    private final DefaultJWTParser parser;
    private final Cache<String, JsonWebToken> verified;
    private final Cache<String, String> refused;

    VerifiedTokens(String jwks, JwtSettings settings, Clock clock, int max) {
        this.jwks = jwks;
        this.kids = Jwks.kids(jwks);
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
                .expireAfter(new UntilExpired(clock, settings.clockSkewSeconds()))
                .ticker(Clocks.ticker(clock))
                .recordStats()
                .build();
        this.refused = Caffeine.newBuilder()
                .maximumWeight(MAX_REFUSED_CHARS)
                .weigher((String token, String reason) -> token.length())
                .expireAfterWrite(REFUSED_FOR)
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

    /**
     * Whether a refusal of this token is worth remembering: it names a key of this set, so its
     * signature was checked (the expensive part) and will fail the same way again. A token naming a
     * key this node does not know may be one another node has just made; it is checked anew.
     */
    boolean namesAKeyOfThisSet(String token) {
        String kid = Claims.kidHeader(token);
        return kid != null && kids.contains(kid);
    }

    /** SimpleJWT's reason for refusing these very bytes a moment ago, or null. */
    String refusal(String token) {
        return refused.getIfPresent(token);
    }

    void refuse(String token, String reason) {
        refused.put(token, reason);
    }

    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    long refusals() {
        refused.cleanUp();
        return refused.estimatedSize();
    }

    CacheStats stats() {
        return verified.stats();
    }
}
