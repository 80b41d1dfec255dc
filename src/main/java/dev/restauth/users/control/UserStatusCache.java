package dev.restauth.users.control;

import dev.restauth.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a token-authenticated request needs to know of its user (still there, active, roles, the
 * revocation watermark) without a query per request. Changes made on this node evict the entry at
 * once; changes made on another node are seen after at most {@code users.status-cache.ttl}.
 */
@ApplicationScoped
public class UserStatusCache {

    /** The user as of {@code loadedAt}. */
    public record Status(long id, String username, boolean active, Set<String> roles, Instant tokensValidAfter) {

        /** {@link User#revoked}, on this copy of the watermark. */
        public boolean revoked(Instant issuedAt) {
            return issuedAt.isBefore(tokensValidAfter);
        }
    }

    private record Entry(Optional<Status> status, Instant loadedAt) {}

    static final int MAX_ENTRIES = 100_000;

    @Inject
    UserStore users;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "users.status-cache.ttl", defaultValue = "PT5S")
    Duration ttl;

    private final ConcurrentHashMap<Long, Entry> entries = new ConcurrentHashMap<>();

    /** Empty when the user no longer exists. */
    public Optional<Status> status(long userId) {
        Instant now = clock.instant();
        Entry entry = entries.get(userId);
        if (entry == null || entry.loadedAt().plus(ttl).isBefore(now)) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear(); // a crude bound; entries are cheap to reload
            }
            entry = new Entry(users.findById(userId).map(UserStatusCache::of), now);
            entries.put(userId, entry);
        }
        return entry.status();
    }

    public void evict(long userId) {
        entries.remove(userId);
    }

    private static Status of(User user) {
        return new Status(user.id(), user.username(), user.isActive(), user.roles(), user.tokensValidAfter());
    }
}
