package dev.restauth.jwt.control;

import dev.restauth.jwt.entity.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys in memory: the one that signs, and the public set that verifies (also published as
 * the JWKS). Loaded on first use, reloaded when {@link SigningKeyReloads} says (the schema is
 * ready, the check interval passed, a node made a new key) and, rarely, when a token names a kid
 * we do not know; a signer older than {@code jwt.signing-key.max-age} is replaced as it loads.
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

    @Inject
    @ConfigProperty(name = "jwt.signing-key.max-age", defaultValue = "P30D")
    Duration maxAge;

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

    /** When the stored key that signs now was made; empty for a configured key (not ours to date). */
    private volatile Optional<Instant> signerCreatedAt = Optional.empty();

    /**
     * A configured key that cannot sign (no PKCS#8 PEM, not P-256, an unreadable file) stops the
     * application as it starts, with one line saying why, instead of passing readiness and failing
     * every login with a 500; the key itself is never logged. The database is not needed for this.
     */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            PemKeys.configured(configuredKey, configuredKeyLocation);
        } catch (RuntimeException unusable) {
            LOG.log(Level.ERROR, "Unusable signing key, the application does not start: {0}", unusable.getMessage());
            throw unusable;
        }
    }

    /** Whether the keys were loaded yet: before, nothing can be stale. */
    boolean isLoaded() {
        return current != null;
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

    /** When the key that signs now was generated, for the key-age metric; empty for a configured key. */
    public Optional<Instant> signerCreatedAt() {
        return signerCreatedAt;
    }

    /**
     * A configured key signs and the stored ones only verify (tokens signed before it was
     * configured); without one, the stored signer signs and one is generated when needed.
     */
    private synchronized KeySet load(boolean rotateNow) {
        lastReload = clock.instant();
        Optional<KeyPair> configured = PemKeys.configured(configuredKey, configuredKeyLocation);
        List<SigningKey> keys = configured.isPresent() ? store.all() : store.loadOrGenerate(maxAge, rotateNow);
        List<SigningKey> verifying = keys.stream()
                .filter(key -> key.verifies(clock.instant(), settings.longestLifetime()))
                .toList();
        current = configured.isPresent() ? Jwks.configured(configured.get(), verifying) : Jwks.stored(keys, verifying);
        signerCreatedAt = configured.isPresent()
                ? Optional.empty()
                : keys.stream()
                        .filter(SigningKey::signs)
                        .map(SigningKey::createdAt)
                        .max(Instant::compareTo);
        return current;
    }
}
