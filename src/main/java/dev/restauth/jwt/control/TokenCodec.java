package dev.restauth.jwt.control;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Verifies our JWTs: SmallRye JWT's verification (one algorithm, keys only from our key set, a
 * token's jku, x5u or jwk header never followed, exact issuer and audience, bounded skew), plus
 * the {@code typ} header and {@code token_type} claim that keep access and refresh tokens apart.
 *
 * <p>A verified access token is remembered ({@link VerifiedTokens}, one per key set: {@link
 * CurrentVerifier}); a hit still checks expiry (the same rule as jose4j: expired once {@code now -
 * skew >= exp}) and the expected type, and the caller still checks revocation (the user's
 * watermark, active flag) on every request. Refresh tokens (spent once, by rotation) are never
 * remembered; a refused token is, with its reason, for a minute, so that repeating it costs no
 * signature check either.
 */
@ApplicationScoped
public class TokenCodec {

    public static final String ACCESS = "access";
    public static final String REFRESH = "refresh";
    static final String ACCESS_TYP = "at+jwt";
    static final String REFRESH_TYP = "refresh+jwt";

    /** SimpleJWT's reasons, as its clients read them. */
    public static final String INVALID = "Token is invalid";

    public static final String EXPIRED = "Token is expired";
    public static final String WRONG_TYPE = "Token has wrong type";

    /** Why a token was refused, with SimpleJWT's message. */
    public static class Rejected extends Exception {
        public Rejected(String message) {
            super(message, null, false, false);
        }
    }

    @Inject
    CurrentVerifier verifiers;

    @Inject
    JwtSettings settings;

    @Inject
    Clock clock;

    /** The verified token, of the expected type (or of either type when {@code type} is null). */
    public JsonWebToken verify(String token, String type) throws Rejected {
        VerifiedTokens verifier = verifiers.get();
        JsonWebToken known = token == null ? null : verifier.remembered(token);
        if (known != null) {
            if (clock.instant().getEpochSecond() - settings.clockSkewSeconds() >= known.getExpirationTime()) {
                verifier.forget(token);
                throw new Rejected(EXPIRED);
            }
            if (type != null && !ACCESS.equals(type)) {
                throw new Rejected(WRONG_TYPE);
            }
            return known;
        }
        String refusal = token == null ? null : verifier.refusal(token);
        if (refusal != null) {
            throw new Rejected(refusal);
        }
        try {
            return check(verifier, token, type);
        } catch (Rejected rejected) {
            // The bytes are bad whatever they are presented as; a wrong type depends on the caller.
            if (token != null && !WRONG_TYPE.equals(rejected.getMessage()) && verifier.namesAKeyOfThisSet(token)) {
                verifier.refuse(token, rejected.getMessage());
            }
            throw rejected;
        }
    }

    private JsonWebToken check(VerifiedTokens verifier, String token, String type) throws Rejected {
        if (token != null && !JsonDepth.acceptable(token)) {
            throw new Rejected(INVALID);
        }
        Parsed parsed;
        try {
            parsed = parse(verifier, token);
        } catch (ParseException e) {
            throw new Rejected(hasExpired(e) ? EXPIRED : INVALID);
        } catch (RuntimeException malformed) {
            throw new Rejected(INVALID);
        }
        JsonWebToken jwt = parsed.jwt();
        String tokenType = Claims.text(jwt, "token_type");
        String expectedTyp = ACCESS.equals(tokenType) ? ACCESS_TYP : REFRESH.equals(tokenType) ? REFRESH_TYP : null;
        if (expectedTyp == null || !expectedTyp.equals(Claims.typHeader(token)) || jwt.getTokenID() == null) {
            throw new Rejected(INVALID);
        }
        if (ACCESS.equals(tokenType)) {
            parsed.by().remember(token, jwt);
        }
        if (type != null && !type.equals(tokenType)) {
            throw new Rejected(WRONG_TYPE);
        }
        return jwt;
    }

    private record Parsed(VerifiedTokens by, JsonWebToken jwt) {}

    /** Parsed with the current keys, or with a reloaded key set when the kid was new. */
    private Parsed parse(VerifiedTokens verifier, String token) throws ParseException {
        try {
            return new Parsed(verifier, verifier.parse(token));
        } catch (ParseException e) {
            VerifiedTokens reloaded = hasExpired(e) ? null : verifiers.reloadedForUnknownKid();
            if (reloaded != null) {
                return new Parsed(reloaded, reloaded.parse(token));
            }
            throw e;
        }
    }

    /** How many refused tokens are remembered now (for tests). */
    long refusalsRemembered() {
        return verifiers.refusals();
    }

    /** The remembered tokens' cache statistics since the start, across key sets. */
    public CacheStats stats() {
        return verifiers.stats();
    }

    /** How many verified access tokens are remembered now, without loading the keys. */
    public long size() {
        return verifiers.size();
    }

    private static boolean hasExpired(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException invalid && invalid.hasExpired()) {
                return true;
            }
        }
        return false;
    }
}
