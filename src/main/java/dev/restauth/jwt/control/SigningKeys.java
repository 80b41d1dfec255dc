package dev.restauth.jwt.control;

import dev.restauth.jwt.entity.SigningKey;
import dev.restauth.platform.control.SchemaReady;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The keys in memory: the one that signs, and the public set that verifies (also published as
 * the JWKS). Loaded once the schema is ready (or on first use if the database came up later),
 * checked every {@code jwt.signing-key.check-interval} (rotating a signer older than
 * {@code jwt.signing-key.max-age}), and reloaded early when a token names a kid we do not know.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = System.getLogger(SigningKeys.class.getName());

    /** The signing key with its kid, and the verification keys as a JWKS document. */
    public record KeySet(String kid, PrivateKey signingKey, String jwks) {}

    @Inject
    SigningKeyStore store;

    @Inject
    JwtSettings settings;

    @Inject
    Clock clock;

    private volatile KeySet current;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "jwt.signing-key.max-age", defaultValue = "P30D")
    Duration maxAge;

    @Inject
    @ConfigProperty(name = "jwt.signing-key.check-interval", defaultValue = "PT10M")
    Duration checkInterval;

    /** A token with an unknown kid may come from a key another node just made: reload, but rarely. */
    static final Duration UNKNOWN_KID_RELOAD_SPACING = Duration.ofSeconds(10);

    /** A PKCS#8 PEM, inline (JWT_SIGNING_KEY) or in a file; never stored, never logged. */
    @Inject
    @ConfigProperty(name = "jwt.signing-key")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "jwt.signing-key.location")
    Optional<String> configuredKeyLocation;

    private volatile Instant lastReload = Instant.EPOCH;

    void onSchemaReady(@Observes SchemaReady ready) {
        reload();
        scheduler.scheduleWithFixedDelay(
                this::reloadQuietly, checkInterval.toMillis(), checkInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public KeySet current() {
        KeySet keys = current;
        return keys != null ? keys : reload();
    }

    public KeySet reload() {
        return load(false);
    }

    /** A fresh key signs from now on; the previous ones keep verifying until their tokens expired. */
    public KeySet rotate() {
        return load(true);
    }

    /** Reloads when the set might be stale, at most every few seconds; true if it changed. */
    public boolean reloadForUnknownKid() {
        Instant now = clock.instant();
        if (lastReload.plus(UNKNOWN_KID_RELOAD_SPACING).isAfter(now)) {
            return false;
        }
        String before = current().jwks();
        return !reload().jwks().equals(before);
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not reload the signing keys; keeping the current ones: {0}", e.getMessage());
        }
    }

    /**
     * A configured key signs and the stored ones only verify (tokens signed before it was
     * configured); without one, the stored signer signs and one is generated when needed.
     */
    private synchronized KeySet load(boolean rotateNow) {
        lastReload = clock.instant();
        Optional<KeyPair> configured = configuredKeyPair();
        List<SigningKey> keys = configured.isPresent() ? store.all() : store.loadOrGenerate(maxAge, rotateNow);
        List<JsonWebKey> verifiers = new ArrayList<>();
        String kid;
        PrivateKey signingKey;
        if (configured.isPresent()) {
            PublicJsonWebKey jwk = jwk(configured.get().getPublic(), null);
            kid = jwk.getKeyId();
            signingKey = configured.get().getPrivate();
            verifiers.add(jwk);
        } else {
            SigningKey signer =
                    keys.stream().filter(SigningKey::signs).findFirst().orElseThrow();
            kid = signer.kid();
            signingKey = privateKey(signer);
        }
        for (SigningKey key : keys) {
            if (key.verifies(clock.instant(), settings.longestLifetime())
                    && !key.kid().equals(kid)) {
                verifiers.add(publicJwk(key));
            }
        }
        if (configured.isEmpty()) {
            verifiers.add(
                    0,
                    publicJwk(keys.stream()
                            .filter(key -> key.kid().equals(kid))
                            .findFirst()
                            .orElseThrow()));
        }
        current = new KeySet(
                kid, signingKey, new JsonWebKeySet(verifiers).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        return current;
    }

    private Optional<KeyPair> configuredKeyPair() {
        if (configuredKey.filter(pem -> !pem.isBlank()).isPresent()) {
            return Optional.of(PemKeys.es256(configuredKey.get()));
        }
        if (configuredKeyLocation.filter(path -> !path.isBlank()).isPresent()) {
            try {
                return Optional.of(PemKeys.es256(Files.readString(Path.of(configuredKeyLocation.get()))));
            } catch (IOException e) {
                throw new IllegalStateException(
                        "jwt.signing-key.location: cannot read " + configuredKeyLocation.get(), e);
            }
        }
        return Optional.empty();
    }

    private static JsonWebKey publicJwk(SigningKey key) {
        try {
            PublicKey publicKey = KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.publicKey())));
            return jwk(publicKey, key.kid());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable public key " + key.kid(), e);
        }
    }

    /** The public JWK; its kid is the RFC 7638 thumbprint unless one is given. */
    private static PublicJsonWebKey jwk(PublicKey publicKey, String kid) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(publicKey);
            jwk.setKeyId(kid != null ? kid : jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
            jwk.setAlgorithm(SigningKeyStore.ES256);
            jwk.setUse("sig");
            return jwk;
        } catch (JoseException e) {
            throw new IllegalStateException("Unusable public key", e);
        }
    }

    private static PrivateKey privateKey(SigningKey key) {
        try {
            return KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key.privateKey())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable private key " + key.kid(), e);
        }
    }
}
