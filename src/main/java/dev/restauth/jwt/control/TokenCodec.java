package dev.restauth.jwt.control;

import dev.restauth.users.entity.User;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Builds and verifies our JWTs: a superset of SimpleJWT's and MicroProfile JWT's claims, ES256
 * with a kid, a {@code typ} header and a {@code token_type} claim that keep access and refresh
 * tokens apart. Verification is SmallRye JWT's: one algorithm, keys only from our key set (a
 * token's jku, x5u or jwk header is never followed), exact issuer and audience, bounded skew.
 *
 * <p>Verified access tokens are remembered, because one ECDSA verification costs more CPU than
 * the rest of a request (about half of it on 2 cores, see bench/README.md) and a client sends the
 * same access token with every request for its lifetime. What is remembered is exactly a token
 * string that passed every check below with the current key set; a hit still checks expiry (the
 * same rule as jose4j: expired once {@code now - skew >= exp}) and the expected type, and the
 * caller still checks revocation (the user's watermark, active flag) on every request. Keyed by the
 * whole token, so only the very bytes that were verified can hit; a new key set (rotation, a
 * reload) starts an empty cache; failures are never remembered; at most {@link #MAX_VERIFIED}
 * entries (about 3 KB each, so a few tens of MB at worst), expired ones dropped first.
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
    SigningKeys keys;

    @Inject
    JwtSettings settings;

    @Inject
    Clock clock;

    /** The most verified access tokens remembered at once; see the class comment. */
    static final int MAX_VERIFIED = 10_000;

    /** {@link #MAX_VERIFIED}, a field only so that a unit test can fill the cache quickly. */
    int maxVerified = MAX_VERIFIED;

    private final SecureRandom random = new SecureRandom();
    private volatile Parser parser;

    /** A parser for one key set, and the access tokens it has verified (keyed by the whole token). */
    private record Parser(String jwks, DefaultJWTParser smallrye, ConcurrentHashMap<String, Verified> verified) {}

    /** An access token that passed every check, and its {@code exp}. */
    private record Verified(JsonWebToken jwt, long expiresAt) {}

    private record Parsed(Parser parser, JsonWebToken jwt) {}

    /** 128 random bits, as 32 hex characters like SimpleJWT's uuid4().hex. */
    public String newJti() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public String sign(String type, String jti, User user, Instant issuedAt, Instant expiresAt) {
        SigningKeys.KeySet keySet = keys.current();
        String userId = String.valueOf(user.id());
        return Jwt.claims()
                .issuer(settings.issuer())
                .audience(settings.audience())
                .subject(userId)
                .upn(user.username())
                .groups(user.roles())
                .claim("token_type", type)
                .claim("jti", jti)
                .claim("user_id", userId)
                .claim("username", user.username())
                .issuedAt(issuedAt.getEpochSecond())
                .expiresAt(expiresAt.getEpochSecond())
                .jws()
                .keyId(keySet.kid())
                .header("typ", ACCESS.equals(type) ? ACCESS_TYP : REFRESH_TYP)
                .algorithm(SignatureAlgorithm.ES256)
                .sign(keySet.signingKey());
    }

    /** The verified token, of the expected type (or of either type when {@code type} is null). */
    public JsonWebToken verify(String token, String type) throws Rejected {
        Parser current = parser();
        Verified known = token == null ? null : current.verified().get(token);
        if (known != null) {
            if (clock.instant().getEpochSecond() - settings.clockSkewSeconds() >= known.expiresAt()) {
                current.verified().remove(token);
                throw new Rejected(EXPIRED);
            }
            if (type != null && !ACCESS.equals(type)) {
                throw new Rejected(WRONG_TYPE);
            }
            return known.jwt();
        }
        if (token != null && !JsonDepth.acceptable(token)) {
            throw new Rejected(INVALID);
        }
        Parsed parsed;
        try {
            parsed = parse(current, token);
        } catch (ParseException e) {
            throw new Rejected(hasExpired(e) ? EXPIRED : INVALID);
        } catch (RuntimeException malformed) {
            throw new Rejected(INVALID);
        }
        JsonWebToken jwt = parsed.jwt();
        String tokenType = text(jwt, "token_type");
        String expectedTyp = ACCESS.equals(tokenType) ? ACCESS_TYP : REFRESH.equals(tokenType) ? REFRESH_TYP : null;
        if (expectedTyp == null || !expectedTyp.equals(typHeader(token)) || jwt.getTokenID() == null) {
            throw new Rejected(INVALID);
        }
        if (ACCESS.equals(tokenType)) {
            // Refresh tokens are spent once (rotation): remembering them would only take room.
            remember(parsed.parser(), token, jwt);
        }
        if (type != null && !type.equals(tokenType)) {
            throw new Rejected(WRONG_TYPE);
        }
        return jwt;
    }

    /** Parsed by {@code current}, or by the parser of a reloaded key set when the kid was new. */
    private Parsed parse(Parser current, String token) throws ParseException {
        try {
            return new Parsed(current, current.smallrye().parse(token));
        } catch (ParseException e) {
            if (!hasExpired(e) && keys.reloadForUnknownKid()) {
                Parser reloaded = parser(); // a key another node has just made
                return new Parsed(reloaded, reloaded.smallrye().parse(token));
            }
            throw e;
        }
    }

    private void remember(Parser verifiedBy, String token, JsonWebToken jwt) {
        ConcurrentHashMap<String, Verified> verified = verifiedBy.verified();
        if (verified.size() >= maxVerified) {
            long now = clock.instant().getEpochSecond() - settings.clockSkewSeconds();
            verified.values().removeIf(entry -> now >= entry.expiresAt());
            if (verified.size() >= maxVerified) {
                verified.clear(); // a crude bound, like the other caches: entries are cheap to redo
            }
        }
        verified.put(token, new Verified(jwt, jwt.getExpirationTime()));
    }

    /** How many verified access tokens are remembered now (for tests and the benchmarks). */
    int remembered() {
        return parser().verified().size();
    }

    /** A claim as text, whether the parser hands it over as a String or as a JSON value. */
    public static String text(JsonWebToken jwt, String claim) {
        Object value = jwt.getClaim(claim);
        if (value instanceof JsonString json) {
            return json.getString();
        }
        return value == null ? null : value.toString();
    }

    /** The parser follows the key set: a new key (rotation, another node) means a new parser. */
    private Parser parser() {
        String jwks = keys.current().jwks();
        Parser cached = parser;
        if (cached != null && cached.jwks().equals(jwks)) {
            return cached;
        }
        JWTAuthContextInfo context = new JWTAuthContextInfo();
        context.setPublicKeyContent(jwks);
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.ES256));
        context.setIssuedBy(settings.issuer());
        context.setExpectedAudience(Set.of(settings.audience()));
        context.setClockSkew(settings.clockSkewSeconds());
        context.setRequiredClaims(Set.of("token_type", "jti", "iat", "exp", "user_id"));
        Parser fresh = new Parser(jwks, new DefaultJWTParser(context), new ConcurrentHashMap<>());
        parser = fresh;
        return fresh;
    }

    private static boolean hasExpired(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException invalid && invalid.hasExpired()) {
                return true;
            }
        }
        return false;
    }

    /** The header was verified with the signature; only its typ is read here. */
    private static String typHeader(String token) {
        String header = new String(
                Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
        try (JsonReader reader = Json.createReader(new StringReader(header))) {
            return reader.readObject().getString("typ", null);
        }
    }
}
