package dev.restauth.apitokens.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.restauth.apitokens.entity.LiveToken;
import dev.restauth.platform.control.Clocks;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When each API token was last used, as its {@code last_used_at} shows: recorded at most once a
 * minute per token, so that a client sending its key with every request does not turn every
 * request into a write.
 */
@ApplicationScoped
public class TokenUses {

    static final Duration LAST_USED_INTERVAL = Duration.ofMinutes(1);

    @Inject
    ApiTokenStore store;

    @Inject
    Clock clock;

    private Cache<Long, Instant> recentlyUsed;

    @PostConstruct
    void init() {
        recentlyUsed = Caffeine.newBuilder()
                .maximumSize(VerifiedKeys.MAX_CACHED)
                .expireAfterWrite(LAST_USED_INTERVAL)
                .ticker(Clocks.ticker(clock))
                .recordStats()
                .build();
    }

    /**
     * Records the use, at most once a minute: this node skips the database when it wrote less
     * than a minute ago, and the conditional UPDATE keeps other nodes from writing again.
     */
    public void record(LiveToken token) {
        if (recentlyUsed.getIfPresent(token.tokenId()) != null) {
            return;
        }
        Instant now = clock.instant();
        recentlyUsed.put(token.tokenId(), now);
        store.touch(token.tokenId(), now, LAST_USED_INTERVAL);
    }
}
