package dev.restauth.jwt.control;

import dev.restauth.jwt.entity.SigningKey;
import dev.restauth.platform.control.SchemaReady;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
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

    private synchronized KeySet load(boolean rotateNow) {
        lastReload = clock.instant();
        List<SigningKey> keys = store.loadOrGenerate(maxAge, rotateNow);
        SigningKey signer = keys.stream().filter(SigningKey::signs).findFirst().orElseThrow();
        List<JsonWebKey> verifiers = new ArrayList<>();
        for (SigningKey key : keys) {
            if (key.verifies(clock.instant(), settings.longestLifetime())) {
                verifiers.add(publicJwk(key));
            }
        }
        current = new KeySet(
                signer.kid(),
                privateKey(signer),
                new JsonWebKeySet(verifiers).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        return current;
    }

    private static JsonWebKey publicJwk(SigningKey key) {
        try {
            PublicKey publicKey = KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.publicKey())));
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(publicKey);
            jwk.setKeyId(key.kid());
            jwk.setAlgorithm(key.algorithm());
            jwk.setUse("sig");
            return jwk;
        } catch (GeneralSecurityException | JoseException e) {
            throw new IllegalStateException("Unreadable public key " + key.kid(), e);
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
