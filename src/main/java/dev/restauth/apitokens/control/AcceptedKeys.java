package dev.restauth.apitokens.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.restauth.apitokens.entity.LiveToken;
import dev.restauth.platform.control.Clocks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The keys that matched a live token, by digest (never the key), and how they are forgotten: by
 * token, by user, or all at once. {@link VerifiedKeys} owns the one instance and says when; this
 * says how, including the rule that makes forgetting safe against a lookup in flight: a lookup
 * that overlapped a forget does not remember what it read, so a row read just before a
 * revocation committed cannot be put back.
 */
final class AcceptedKeys {

    /** A remembered token and when it expires (null: never). */
    record Entry(LiveToken token, Instant expiresAt) {}

    private final Cache<String, Entry> accepted;
    /** Counts forgets: the generation a lookup started in. */
    private final AtomicLong forgets = new AtomicLong();

    AcceptedKeys(int max, Duration ttl, Clock clock) {
        accepted = Caffeine.newBuilder()
                .maximumSize(max)
                .expireAfterWrite(ttl)
                .ticker(Clocks.ticker(clock))
                .recordStats()
                .build();
    }

    Entry get(String digest) {
        return accepted.getIfPresent(digest);
    }

    /** Taken before a lookup, and handed to {@link #put} after it. */
    long generation() {
        return forgets.get();
    }

    /** Remembers the entry unless something was forgotten since the lookup began. */
    void put(String digest, Entry entry, long generation) {
        if (forgets.get() == generation) {
            accepted.put(digest, entry);
        }
    }

    void forgetToken(long tokenId) {
        forget(entry -> entry.token().tokenId() == tokenId);
    }

    void forgetUser(long userId) {
        forget(entry -> entry.token().userId() == userId);
    }

    void forgetAll() {
        forgets.incrementAndGet();
        accepted.invalidateAll();
    }

    CacheStats stats() {
        return accepted.stats();
    }

    long size() {
        return accepted.estimatedSize();
    }

    private void forget(Predicate<Entry> which) {
        forgets.incrementAndGet();
        accepted.asMap().values().removeIf(which);
    }
}
