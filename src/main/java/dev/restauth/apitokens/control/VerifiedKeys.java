package dev.restauth.apitokens.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.restauth.apitokens.entity.ApiToken;
import dev.restauth.authentication.control.TokenCheck;
import dev.restauth.platform.control.Clocks;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which key is which live token: found by selector, compared in constant time, and remembered (by
 * digest, never the key) for {@code apitokens.cache.ttl}. The eviction rules are the two
 * {@code forget} methods: a revocation on this node applies at once, one on another node within
 * the TTL. Uses are recorded at most once a minute per token.
 */
@ApplicationScoped
public class VerifiedKeys {

    /** A live token, as the Token scheme needs it. */
    public record Verified(long tokenId, long userId) {}

    /** What a key turned out to be: a live token (accepted), or why not (for the metrics). */
    public record Check(Verified token, TokenCheck outcome) {

        static final Check INVALID = new Check(null, TokenCheck.INVALID);
        static final Check EXPIRED = new Check(null, TokenCheck.EXPIRED);
        static final Check REVOKED = new Check(null, TokenCheck.REVOKED);
    }

    private record Entry(Verified token, Instant expiresAt) {}

    static final Duration LAST_USED_INTERVAL = Duration.ofMinutes(1);
    static final int MAX_CACHED = 100_000;

    @Inject
    ApiTokenStore store;

    @Inject
    TokenKeys keys;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "apitokens.cache.ttl", defaultValue = "PT10S")
    Duration cacheTtl;

    private Cache<String, Entry> verified;
    private Cache<Long, Instant> recentlyUsed;

    @PostConstruct
    void init() {
        verified = Caffeine.newBuilder()
                .maximumSize(MAX_CACHED)
                .expireAfterWrite(cacheTtl)
                .ticker(Clocks.ticker(clock))
                .recordStats()
                .build();
        recentlyUsed = Caffeine.newBuilder()
                .maximumSize(MAX_CACHED)
                .expireAfterWrite(LAST_USED_INTERVAL)
                .ticker(Clocks.ticker(clock))
                .recordStats()
                .build();
    }

    /** The live token this key is, if any. */
    public Optional<Verified> authenticate(String key) {
        return Optional.ofNullable(check(key).token());
    }

    /** The live token this key is, or why it is none. */
    public Check check(String key) {
        if (!TokenKeys.isWellFormed(key)) {
            return Check.INVALID;
        }
        Instant now = clock.instant();
        String digest = keys.digest(key);
        Entry entry = verified.getIfPresent(digest);
        if (entry == null) {
            // Misses are not remembered: the key may be issued later.
            ApiToken token = find(key, digest).orElse(null);
            if (token == null) {
                return Check.INVALID;
            }
            if (!token.isLive(now)) {
                return token.isRevoked() ? Check.REVOKED : Check.EXPIRED;
            }
            entry = new Entry(new Verified(token.id(), token.userId()), token.expiresAt());
            verified.put(digest, entry);
        }
        if (entry.expiresAt() != null && !entry.expiresAt().isAfter(now)) {
            return Check.EXPIRED;
        }
        return new Check(entry.token(), TokenCheck.ACCEPTED);
    }

    /** The row this key is, live or not: what an import must not duplicate. */
    public Optional<ApiToken> find(String key) {
        return find(key, keys.digest(key));
    }

    /**
     * Records the use, at most once a minute: this node skips the database when it wrote less
     * than a minute ago, and the conditional UPDATE keeps other nodes from writing again.
     */
    public void used(Verified token) {
        if (recentlyUsed.getIfPresent(token.tokenId()) != null) {
            return;
        }
        Instant now = clock.instant();
        recentlyUsed.put(token.tokenId(), now);
        store.touch(token.tokenId(), now, LAST_USED_INTERVAL);
    }

    public void forgetToken(long tokenId) {
        verified.asMap().values().removeIf(entry -> entry.token().tokenId() == tokenId);
    }

    public void forgetUser(long userId) {
        verified.asMap().values().removeIf(entry -> entry.token().userId() == userId);
    }

    public CacheStats stats() {
        return verified.stats();
    }

    public long size() {
        return verified.estimatedSize();
    }

    private Optional<ApiToken> find(String key, String digest) {
        return store.withSelector(TokenKeys.selector(key)).stream()
                .filter(token -> MessageDigest.isEqual(
                        token.digest().getBytes(StandardCharsets.US_ASCII), digest.getBytes(StandardCharsets.US_ASCII)))
                .findFirst();
    }
}
