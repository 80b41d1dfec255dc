package dev.restauth.apitokens.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.restauth.apitokens.entity.ApiToken;
import dev.restauth.authentication.control.TokenCheck;
import dev.restauth.platform.control.Change;
import dev.restauth.platform.control.ChangesMissed;
import dev.restauth.platform.control.Clocks;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which key is which live token: found by selector, compared in constant time, and remembered (by
 * digest, never the key). A key that matched no live token is remembered as refused for {@code
 * apitokens.cache.ttl}, so that a client repeating a bad key (a broken client, a flood) costs no
 * query; an import on this node forgets the refusal at once, one on another node applies within
 * the TTL. The eviction rules of accepted keys, all here: the two {@code forget} methods, called
 * once a revocation on this node has committed and for every {@link Change} of an API token or of
 * a user's API tokens on any node ({@link ApiTokenStore} publishes them in the revoking
 * transaction); everything when notifications may have been missed ({@link ChangesMissed}). A key
 * checked while a revocation commits is not remembered, so a lookup that read the row just
 * before cannot put it back. {@code apitokens.cache.ttl} is only the safety net for a node that
 * cannot hear the notifications. Uses are recorded at most once a minute per token.
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
    private Cache<String, Check> refused;
    /** Counts evictions: a lookup that overlapped one does not remember what it read. */
    private final AtomicLong evictions = new AtomicLong();

    private Cache<Long, Instant> recentlyUsed;

    @PostConstruct
    void init() {
        verified = Caffeine.newBuilder()
                .maximumSize(MAX_CACHED)
                .expireAfterWrite(cacheTtl)
                .ticker(Clocks.ticker(clock))
                .recordStats()
                .build();
        refused = Caffeine.newBuilder()
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
            long before = evictions.get();
            Check refusal = refused.getIfPresent(digest);
            if (refusal != null) {
                return refusal; // repeating an unknown or revoked key costs a lookup, not a query
            }
            ApiToken token = find(key, digest).orElse(null);
            if (token == null || !token.isLive(now)) {
                Check check = token == null ? Check.INVALID : token.isRevoked() ? Check.REVOKED : Check.EXPIRED;
                refused.put(digest, check);
                return check;
            }
            entry = new Entry(new Verified(token.id(), token.userId()), token.expiresAt());
            if (evictions.get() == before) {
                verified.put(digest, entry);
            }
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

    /**
     * A key that did not work before does now (an imported DRF key): forget that it was refused.
     * Other nodes accept it within the TTL, as they learn of revocations.
     */
    public void forgetRefusal(String key) {
        refused.invalidate(keys.digest(key));
    }

    public void forgetToken(long tokenId) {
        evictions.incrementAndGet();
        verified.asMap().values().removeIf(entry -> entry.token().tokenId() == tokenId);
    }

    public void forgetUser(long userId) {
        evictions.incrementAndGet();
        verified.asMap().values().removeIf(entry -> entry.token().userId() == userId);
    }

    void onChangeAnywhere(@Observes Change change) {
        switch (change.kind()) {
            case API_TOKEN -> forgetToken(change.id());
            case USER_API_TOKENS -> forgetUser(change.id());
            default -> {
                // a user's status is checked per request from the users component's cache
            }
        }
    }

    void onChangesMissed(@Observes ChangesMissed missed) {
        evictions.incrementAndGet();
        verified.invalidateAll();
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
