package dev.restauth.jwt.control;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The {@link VerifiedTokens} of the key set in use: a new key (rotation, another node) means a new
 * one, with empty caches, and the statistics of the one it replaced are kept so that the metrics
 * never go back. Apart from {@link TokenCodec} so that the codec holds only the rules of a
 * verification. Dependent on purpose: its one instance belongs to the codec and is called on every
 * Bearer request without a client proxy in between.
 */
@Dependent
class CurrentVerifier {

    /** The most verified access tokens remembered at once (a few tens of MB at worst). */
    static final int MAX_VERIFIED = 10_000;

    @Inject
    SigningKeys keys;

    @Inject
    JwtSettings settings;

    @Inject
    Clock clock;

    /** {@link #MAX_VERIFIED}, a field only so that a unit test can fill the cache quickly. */
    int maxVerified = MAX_VERIFIED;

    private volatile VerifiedTokens current;

    /** The statistics of the verifiers that new key sets replaced. */
    private volatile CacheStats replaced = CacheStats.empty();

    /** The verifier of the current key set, made when the set changed (or on first use). */
    VerifiedTokens get() {
        String jwks = keys.current().jwks();
        VerifiedTokens verifier = current;
        if (verifier == null || !verifier.isFor(jwks)) {
            synchronized (this) {
                verifier = current;
                if (verifier == null || !verifier.isFor(jwks)) {
                    if (verifier != null) {
                        replaced = replaced.plus(verifier.stats());
                    }
                    verifier = new VerifiedTokens(jwks, settings, clock, maxVerified);
                    current = verifier;
                }
            }
        }
        return verifier;
    }

    /**
     * The verifier of a reloaded key set, when a token named a kid we do not know and the set
     * changed (a key another node has just made); null when it did not.
     */
    VerifiedTokens reloadedForUnknownKid() {
        return keys.reloadForUnknownKid() ? get() : null;
    }

    /** The remembered tokens' cache statistics since the start, across key sets. */
    CacheStats stats() {
        VerifiedTokens verifier = current;
        return verifier == null ? replaced : replaced.plus(verifier.stats());
    }

    /** How many verified access tokens are remembered now, without loading the keys. */
    long size() {
        VerifiedTokens verifier = current;
        return verifier == null ? 0 : verifier.size();
    }

    /** How many refused tokens are remembered now (for tests), without loading the keys. */
    long refusals() {
        VerifiedTokens verifier = current;
        return verifier == null ? 0 : verifier.refusals();
    }
}
