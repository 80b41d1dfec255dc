package dev.restauth.jwt.control;

import dev.restauth.users.entity.User;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Builds and signs our JWTs: a superset of SimpleJWT's and MicroProfile JWT's claims, ES256 with
 * a kid, and a {@code typ} header and {@code token_type} claim that keep access and refresh
 * tokens apart.
 */
@ApplicationScoped
public class TokenSigner {

    @Inject
    SigningKeys keys;

    @Inject
    JwtSettings settings;

    /** What {@link #newJti} makes; defined beside it so that the two cannot drift apart. */
    private static final Pattern JTI = Pattern.compile("[0-9a-f]{32}");

    private final SecureRandom random = new SecureRandom();

    /** 128 random bits, as 32 hex characters like SimpleJWT's uuid4().hex. */
    public String newJti() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Whether {@link #newJti} could have made this jti; anything else was never ours. */
    static boolean couldHaveIssued(String jti) {
        return jti != null && JTI.matcher(jti).matches();
    }

    /**
     * {@code user_id} is the primary key as it is, a JSON number, as SimpleJWT issues it and its
     * clients compare it; {@code sub} must be a string (RFC 7519 §4.1.2).
     */
    public String sign(String type, String jti, User user, Instant issuedAt, Instant expiresAt) {
        SigningKeys.KeySet keySet = keys.current();
        return Jwt.claims()
                .issuer(settings.issuer())
                .audience(settings.audience())
                .subject(String.valueOf(user.id()))
                .upn(user.username())
                .groups(user.roles())
                .claim("token_type", type)
                .claim("jti", jti)
                .claim("user_id", user.id())
                .claim("username", user.username())
                .issuedAt(issuedAt.getEpochSecond())
                .expiresAt(expiresAt.getEpochSecond())
                .jws()
                .keyId(keySet.kid())
                .header("typ", TokenCodec.ACCESS.equals(type) ? TokenCodec.ACCESS_TYP : TokenCodec.REFRESH_TYP)
                .algorithm(SignatureAlgorithm.ES256)
                .sign(keySet.signingKey());
    }
}
