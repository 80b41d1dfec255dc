package dev.restauth.django.control;

import dev.restauth.jwt.control.LegacyTokens;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Verifies tokens as SimpleJWT (PyJWT underneath) does with one configured key: exactly the
 * configured algorithm (an HMAC secret never meets an RS/ES token, an RSA or EC public key never
 * an HMAC one, {@code none} never), no leeway, {@code exp} required, audience and issuer when the
 * old service set them (an audience it did not set must be absent, as PyJWT demands), then
 * SimpleJWT's {@code token_type}, {@code jti} and user-id claims.
 */
public final class DjangoTokenVerifier {

    static final Set<String> ALGORITHMS =
            Set.of("HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512");
    /** The jti column's width; SimpleJWT's are 32 hex characters. */
    static final int MAX_JTI = 255;

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private final String algorithm;
    private final Key key;
    private final String audience;
    private final String issuer;
    private final String userIdClaim;

    /**
     * @param keyText the HMAC secret as the old service's {@code SIGNING_KEY}, or its {@code
     *     VERIFYING_KEY}: a public key PEM ({@code BEGIN PUBLIC KEY})
     * @param audience SimpleJWT's {@code AUDIENCE}, null when it set none ({@code issuer} likewise)
     * @throws IllegalArgumentException when the algorithm is unknown or the key does not fit it
     *     (the message never holds the key)
     */
    public DjangoTokenVerifier(String algorithm, String keyText, String audience, String issuer, String userIdClaim) {
        if (!ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException("django.cutover.algorithm: expected one of " + ALGORITHMS);
        }
        this.algorithm = algorithm;
        this.key = DjangoKeys.forAlgorithm(algorithm, keyText);
        this.audience = audience;
        this.issuer = issuer;
        this.userIdClaim = userIdClaim;
    }

    /**
     * Whether the token could be the old service's, by its header alone: SimpleJWT writes {@code
     * alg} and {@code typ}, never a {@code kid} (ours always have one). Cheap: no signature.
     */
    boolean looksLikeOurPredecessors(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || token.length() > 8192) {
            return false;
        }
        try (JsonReader reader = Json.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8)))) {
            JsonObject header = reader.readObject();
            return !header.containsKey("kid") && algorithm.equals(header.getString("alg", null));
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** The verified token of {@code type} at {@code now}; empty when it is not valid. */
    public Optional<LegacyTokens.Verified> verify(String token, String type, Instant now) {
        if (token == null || !looksLikeOurPredecessors(token)) {
            return Optional.empty();
        }
        try {
            JwtClaims claims = consumer(now).processToClaims(token);
            if (!type.equals(claims.getClaimValue("token_type"))
                    || !(claims.getClaimValue("jti") instanceof String jti)
                    || jti.isEmpty()
                    || jti.length() > MAX_JTI
                    || (audience == null && claims.hasAudience())) {
                return Optional.empty();
            }
            long userId = userId(claims.getClaimValue(userIdClaim));
            if (userId < 0 || claims.getIssuedAt() == null) {
                return Optional.empty();
            }
            return Optional.of(new LegacyTokens.Verified(
                    userId,
                    jti,
                    Instant.ofEpochSecond(claims.getIssuedAt().getValue()),
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()),
                    new DefaultJWTCallerPrincipal(token, "JWT", claims)));
        } catch (InvalidJwtException | MalformedClaimException | RuntimeException invalid) {
            return Optional.empty();
        }
    }

    private JwtConsumer consumer(Instant now) {
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT, algorithm))
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setAllowedClockSkewInSeconds(0)
                .setEvaluationTime(NumericDate.fromSeconds(now.getEpochSecond()));
        if (algorithm.startsWith("HS")) {
            // Django's SECRET_KEY is whatever the project chose; jose4j would insist on 256 bits.
            builder.setRelaxVerificationKeyValidation();
        }
        if (audience != null) {
            builder.setExpectedAudience(audience);
        } else {
            builder.setSkipDefaultAudienceValidation();
        }
        if (issuer != null) {
            builder.setExpectedIssuer(issuer);
        }
        return builder.build();
    }

    /** SimpleJWT writes the integer pk as a JSON number; a string of digits is accepted too. */
    static long userId(Object claim) {
        if (claim instanceof Long number && number > 0) {
            return number;
        }
        if (claim instanceof Integer number && number > 0) {
            return number;
        }
        if (claim instanceof String text && DIGITS.matcher(text).matches()) {
            return Long.parseLong(text);
        }
        return -1;
    }
}
