package dev.restauth.apitokens.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.restauth.apitokens.entity.ApiToken;
import dev.restauth.apitokens.entity.LiveToken;
import dev.restauth.authentication.control.TokenCheck;
import dev.restauth.platform.control.Change;
import dev.restauth.platform.control.ChangesMissed;
import dev.restauth.platform.control.Clocks;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which key is which live token: found by selector, compared in constant time, and remembered (by
 * digest, never the key, in {@link AcceptedKeys}). A key that matched no live token is remembered
 * as refused for {@code apitokens.cache.ttl}, so that a client repeating a bad key (a broken
 * client, a flood) costs no query; an import on this node forgets the refusal at once, one on
 * another node applies within the TTL. When accepted keys are forgotten, all here: the two {@code
 * forget} methods, called once a revocation on this node has committed and for every {@link
 * Change} of an API token or of a user's API tokens on any node ({@link ApiTokenStore} publishes
 * them in the revoking transaction); everything when notifications may have been missed ({@link
 * ChangesMissed}). {@code apitokens.cache.ttl} is only the safety net for a node that cannot hear
 * the notifications. Uses are recorded by {@link TokenUses}.
 */
@ApplicationScoped
public class VerifiedKeys {

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

    private AcceptedKeys accepted;
    private Cache<String, KeyCheck> refused;

    @PostConstruct
    void init() {
        accepted = new AcceptedKeys(MAX_CACHED, cacheTtl, clock);
        refused = Caffeine.newBuilder()
                .maximumSize(MAX_CACHED)
                .expireAfterWrite(cacheTtl)
                .ticker(Clocks.ticker(clock))
                .recordStats()
                .build();
    }

    /** The live token this key is, if any. */
    public Optional<LiveToken> authenticate(String key) {
        return Optional.ofNullable(check(key).token());
    }

    /** The live token this key is, or why it is none. */
    public KeyCheck check(String key) {
        if (!TokenKeys.isWellFormed(key)) {
            return KeyCheck.INVALID;
        }
        Instant now = clock.instant();
        String digest = keys.digest(key);
        AcceptedKeys.Entry entry = accepted.get(digest);
        if (entry == null) {
            long generation = accepted.generation();
            KeyCheck refusal = refused.getIfPresent(digest);
            if (refusal != null) {
                return refusal; // repeating an unknown or revoked key costs a lookup, not a query
            }
            ApiToken token = find(key, digest).orElse(null);
            if (token == null || !token.isLive(now)) {
                KeyCheck check =
                        token == null ? KeyCheck.INVALID : token.isRevoked() ? KeyCheck.REVOKED : KeyCheck.EXPIRED;
                refused.put(digest, check);
                return check;
            }
            entry = new AcceptedKeys.Entry(new LiveToken(token.id(), token.userId()), token.expiresAt());
            accepted.put(digest, entry, generation);
        }
        if (entry.expiresAt() != null && !entry.expiresAt().isAfter(now)) {
            return KeyCheck.EXPIRED;
        }
        return new KeyCheck(entry.token(), TokenCheck.ACCEPTED);
    }

    /** The row this key is, live or not: what an import must not duplicate. */
    public Optional<ApiToken> find(String key) {
        return find(key, keys.digest(key));
    }

    /**
     * A key that did not work before does now (an imported DRF key): forget that it was refused.
     * Other nodes accept it within the TTL, as they learn of revocations.
     */
    public void forgetRefusal(String key) {
        refused.invalidate(keys.digest(key));
    }

    public void forgetToken(long tokenId) {
        accepted.forgetToken(tokenId);
    }

    public void forgetUser(long userId) {
        accepted.forgetUser(userId);
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
        accepted.forgetAll();
    }

    public CacheStats stats() {
        return accepted.stats();
    }

    public long size() {
        return accepted.size();
    }

    private Optional<ApiToken> find(String key, String digest) {
        return TokenKeys.matching(store.withSelector(TokenKeys.selector(key)), digest);
    }
}
