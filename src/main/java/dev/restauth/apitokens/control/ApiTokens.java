package dev.restauth.apitokens.control;

import dev.restauth.apitokens.entity.ApiToken;
import dev.restauth.apitokens.entity.IssuedToken;
import dev.restauth.audit.control.Audit;
import dev.restauth.audit.entity.AuditEvent.Type;
import dev.restauth.errors.control.FieldErrors;
import dev.restauth.users.entity.TokensRevoked;
import dev.restauth.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issuing, checking and revoking API tokens. A checked key is remembered (by digest, never the
 * key) for {@code apitokens.cache.ttl}: a revocation on this node applies at once, one on another
 * node within that time.
 */
@ApplicationScoped
public class ApiTokens {

    /** A live token, as the mechanism needs it. */
    public record Verified(long tokenId, long userId) {}

    private record Entry(Verified token, Instant expiresAt, Instant loadedAt) {}

    static final String NEVER = "never";
    static final Duration LAST_USED_INTERVAL = Duration.ofMinutes(1);
    static final int MAX_CACHED = 100_000;

    @Inject
    Audit audit;

    @Inject
    ApiTokenStore store;

    @Inject
    Pepper pepper;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "apitokens.default-lifetime", defaultValue = NEVER)
    String defaultLifetime;

    @Inject
    @ConfigProperty(name = "apitokens.cache.ttl", defaultValue = "PT10S")
    Duration cacheTtl;

    @Inject
    @ConfigProperty(name = "apitokens.revoke-on-password-change", defaultValue = "true")
    boolean revokeOnPasswordChange;

    private final ConcurrentHashMap<String, Entry> verified = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Instant> lastTouched = new ConcurrentHashMap<>();
    private volatile TokenKeys keys;

    /** A new token for the user; the answer is the only place its key ever appears. */
    public IssuedToken issue(User user, String name, String expiresIn) {
        Instant now = clock.instant();
        Instant expires = expiry(expiresIn == null ? defaultLifetime : expiresIn, now);
        String key = keys().newKey();
        ApiToken token = store.add(
                new ApiToken(user.id(), label(name), TokenKeys.selector(key), keys().digest(key), now, expires));
        audit.record(Type.TOKEN_ISSUED, user.username(), "API token " + token.id());
        return new IssuedToken(token.id(), token.name(), key, token.createdAt(), token.expiresAt());
    }

    /** An existing DRF key, kept working after a migration; stored hashed like ours. */
    public IssuedToken importKey(User user, String key, String name) {
        if (key == null) {
            throw FieldErrors.of("key", FieldErrors.REQUIRED);
        }
        if (!TokenKeys.isWellFormed(key)) {
            throw FieldErrors.of("key", "Enter a DRF token key: 40 lowercase hexadecimal characters.");
        }
        if (lookup(key).isPresent()) {
            throw FieldErrors.of("key", "This key is already in use.");
        }
        Instant now = clock.instant();
        ApiToken token = store.add(new ApiToken(
                user.id(),
                label(name == null ? "imported" : name),
                TokenKeys.selector(key),
                keys().digest(key),
                now,
                null));
        audit.record(Type.TOKEN_ISSUED, user.username(), "API token " + token.id() + " imported from DRF");
        return new IssuedToken(token.id(), token.name(), null, token.createdAt(), null);
    }

    /** The live token this key is, if any: found by selector, compared in constant time. */
    public Optional<Verified> authenticate(String key) {
        if (!TokenKeys.isWellFormed(key)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String digest = keys().digest(key);
        Entry entry = verified.get(digest);
        if (entry == null || entry.loadedAt().plus(cacheTtl).isBefore(now)) {
            entry = lookup(key, digest, now).orElse(null);
            if (entry == null) {
                verified.remove(digest);
                return Optional.empty();
            }
            if (verified.size() >= MAX_CACHED) {
                verified.clear();
            }
            verified.put(digest, entry);
        }
        if (entry.expiresAt() != null && !entry.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(entry.token());
    }

    /**
     * Records the use, at most once a minute: this node skips the database when it wrote less
     * than a minute ago, and the conditional UPDATE keeps other nodes from writing again.
     */
    public void used(Verified token) {
        Instant now = clock.instant();
        Instant last = lastTouched.get(token.tokenId());
        if (last != null && last.plus(LAST_USED_INTERVAL).isAfter(now)) {
            return;
        }
        if (lastTouched.size() >= MAX_CACHED) {
            lastTouched.clear();
        }
        lastTouched.put(token.tokenId(), now);
        store.touch(token.tokenId(), now, LAST_USED_INTERVAL);
    }

    public List<ApiToken> of(User user) {
        return store.ofUser(user.id());
    }

    /** Revokes one of the user's tokens; false when it is not theirs. */
    public boolean revoke(User user, long tokenId) {
        Optional<ApiToken> token =
                store.find(tokenId).filter(found -> found.userId().equals(user.id()));
        token.ifPresent(found -> {
            store.revoke(found.id(), clock.instant());
            forget(found.id());
            audit.record(Type.TOKEN_REVOKED, user.username(), "API token " + found.id());
        });
        return token.isPresent();
    }

    public void revokeAll(long userId) {
        store.revokeAllOf(userId, clock.instant());
        verified.values().removeIf(entry -> entry.token().userId() == userId);
    }

    void onTokensRevoked(@Observes TokensRevoked revoked) {
        boolean passwordChanged = revoked.reason() == TokensRevoked.Reason.PASSWORD_CHANGED;
        if (revoked.reason() == TokensRevoked.Reason.LOGOUT_ALL || (passwordChanged && revokeOnPasswordChange)) {
            revokeAll(revoked.userId());
        }
    }

    private Optional<ApiToken> lookup(String key) {
        String digest = keys().digest(key);
        return store.withSelector(TokenKeys.selector(key)).stream()
                .filter(token -> MessageDigest.isEqual(
                        token.digest().getBytes(StandardCharsets.US_ASCII), digest.getBytes(StandardCharsets.US_ASCII)))
                .findFirst();
    }

    private Optional<Entry> lookup(String key, String digest, Instant now) {
        return lookup(key)
                .filter(token -> token.isLive(now))
                .map(token -> new Entry(new Verified(token.id(), token.userId()), token.expiresAt(), now));
    }

    private void forget(long tokenId) {
        verified.values().removeIf(entry -> entry.token().tokenId() == tokenId);
    }

    private TokenKeys keys() {
        TokenKeys loaded = keys;
        if (loaded == null) {
            loaded = new TokenKeys(pepper.value());
            keys = loaded;
        }
        return loaded;
    }

    private static String label(String name) {
        if (name == null || name.isBlank()) {
            return "default";
        }
        if (name.length() > 100) {
            throw FieldErrors.of("name", "Ensure this field has no more than 100 characters.");
        }
        if (name.indexOf('\0') >= 0) {
            throw FieldErrors.of("name", FieldErrors.NULL_CHARACTERS);
        }
        return name.strip();
    }

    static Instant expiry(String lifetime, Instant now) {
        if (NEVER.equalsIgnoreCase(lifetime.strip())) {
            return null;
        }
        try {
            Duration duration = Duration.parse(lifetime.strip());
            if (duration.isNegative() || duration.isZero()) {
                throw FieldErrors.of("expires_in", "Enter a positive ISO-8601 duration, such as P30D, or \"never\".");
            }
            return now.plus(duration);
        } catch (DateTimeParseException notADuration) {
            throw FieldErrors.of("expires_in", "Enter a positive ISO-8601 duration, such as P30D, or \"never\".");
        }
    }
}
