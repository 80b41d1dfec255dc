package dev.restauth.jwt.control;

import static org.mockito.Mockito.mock;

import dev.restauth.jwt.entity.SigningKey;
import dev.restauth.users.control.InMemoryUsers;
import dev.restauth.users.entity.User;
import jakarta.enterprise.inject.Instance;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * A {@link TokenCodec} wired by hand, as CDI would, around a fresh configured P-256 key and no
 * database: for unit tests and the JMH benchmarks (src/jmh/java), which build it the same way.
 */
public final class TestCodecs {

    private TestCodecs() {}

    /** A clock the test moves; starts at the real now, because SmallRye checks exp against that. */
    public static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        public void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    public static TokenCodec codec(Clock clock) {
        return codec(clock, newKeyPem());
    }

    public static TokenCodec codec(Clock clock, String pem) {
        JwtSettings settings = settings();
        TokenCodec codec = new TokenCodec();
        codec.verifiers = new CurrentVerifier();
        codec.verifiers.keys = signingKeys(clock, settings, pem);
        codec.verifiers.settings = settings;
        codec.verifiers.clock = clock;
        codec.settings = settings;
        codec.clock = clock;
        return codec;
    }

    /** A PKCS#8 PEM of a fresh P-256 key, as {@code jwt.signing-key} takes it. */
    public static String newKeyPem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return PemKeysTest.pem(generator.generateKeyPair().getPrivate().getEncoded());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The configured key signs; no stored keys (the store is the database, absent here). */
    static SigningKeys signingKeys(Clock clock, JwtSettings settings, String pem) {
        SigningKeys keys = new SigningKeys();
        keys.store = new SigningKeyStore() {
            @Override
            public List<SigningKey> all() {
                return List.of();
            }
        };
        keys.settings = settings;
        keys.clock = clock;
        keys.maxAge = Duration.ofDays(30);
        keys.configuredKey = Optional.of(pem);
        keys.configuredKeyLocation = Optional.empty();
        return keys;
    }

    static JwtSettings settings() {
        JwtSettings settings = new JwtSettings();
        settings.issuer = "restauth";
        settings.audience = "restauth";
        settings.accessLifetime = Duration.ofMinutes(5);
        settings.refreshLifetime = Duration.ofDays(1);
        settings.rotateRefreshTokens = true;
        settings.refreshReuseInterval = () -> Duration.ZERO;
        settings.clockSkew = Duration.ofSeconds(30);
        return settings;
    }

    /** A user as the database would hand it over: with an id, and the role "staff". */
    public static User user(long id, String username) {
        return InMemoryUsers.user(id, username, "staff");
    }

    /** An access token like the token endpoint's, valid for five minutes from {@code now}. */
    public static String accessToken(TokenCodec codec, User user, Instant now) {
        return mint(codec, TokenCodec.ACCESS, user, now, now.plusSeconds(300));
    }

    public static String refreshToken(TokenCodec codec, User user, Instant now) {
        return mint(codec, TokenCodec.REFRESH, user, now, now.plusSeconds(86_400));
    }

    /**
     * The claims and headers of {@link TokenCodec#sign}, signed with the codec's key by jose4j:
     * SmallRye's builder needs a MicroProfile Config implementation, which only the server has.
     */
    static String mint(TokenCodec codec, String type, User user, Instant issuedAt, Instant expiresAt) {
        return mint(codec, type, new TokenSigner().newJti(), user, issuedAt, expiresAt);
    }

    /** {@link TokenSigner#sign} as the server signs, for code that calls it outside the server. */
    /** No cutover: no bean provides {@link LegacyTokens}, as without the django component. */
    @SuppressWarnings("unchecked")
    static LegacyTokenExchange noLegacyTokens() {
        LegacyTokenExchange exchange = new LegacyTokenExchange();
        exchange.legacy = mock(Instance.class);
        return exchange;
    }

    static TokenSigner signer(TokenCodec codec) {
        return new TokenSigner() {
            @Override
            public String sign(String type, String jti, User user, Instant issuedAt, Instant expiresAt) {
                return mint(codec, type, jti, user, issuedAt, expiresAt);
            }
        };
    }

    static String mint(TokenCodec codec, String type, String jti, User user, Instant issuedAt, Instant expiresAt) {
        SigningKeys.KeySet keys = codec.verifiers.keys.current();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("restauth");
        claims.setAudience("restauth");
        claims.setSubject(String.valueOf(user.id()));
        claims.setClaim("upn", user.username());
        claims.setStringListClaim("groups", List.copyOf(user.roles()));
        claims.setClaim("token_type", type);
        claims.setClaim("jti", jti);
        claims.setClaim("user_id", user.id());
        claims.setClaim("username", user.username());
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.signingKey());
        jws.setKeyIdHeaderValue(keys.kid());
        jws.setHeader("typ", TokenCodec.ACCESS.equals(type) ? TokenCodec.ACCESS_TYP : TokenCodec.REFRESH_TYP);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
