package dev.restauth.users.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.restauth.platform.control.Change;
import dev.restauth.platform.control.Changes;
import dev.restauth.platform.control.ChangesMissed;
import dev.restauth.platform.control.Clocks;
import dev.restauth.users.entity.Roles;
import dev.restauth.users.entity.User;
import dev.restauth.users.entity.UserChanged;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a token-authenticated request needs to know of its user (still there, active, roles, the
 * revocation watermark) without a query per request. The eviction rules, all here: a change to the
 * user's row ({@link UserChanged}) drops the entry on this node once it is committed, and is
 * published in the same transaction so that every other node drops it too when it commits ({@link
 * Change}); a node that may have missed notifications drops everything ({@link ChangesMissed}).
 * {@code users.status-cache.ttl} is only the safety net for a node that cannot hear them.
 */
@ApplicationScoped
public class UserStatusCache {

    /**
     * The user as last loaded.
     *
     * @param roles the container roles: the user's own and {@link Roles#AUTHENTICATED}
     */
    public record Status(long id, String username, boolean active, Set<String> roles, Instant tokensValidAfter) {

        /** {@link User#revoked}, on this copy of the watermark. */
        public boolean revoked(Instant issuedAt) {
            return issuedAt.isBefore(tokensValidAfter);
        }
    }

    static final int MAX_ENTRIES = 100_000;

    @Inject
    UserStore users;

    @Inject
    Clock clock;

    @Inject
    Changes changes;

    @Inject
    @ConfigProperty(name = "users.status-cache.ttl", defaultValue = "PT5S")
    Duration ttl;

    private Cache<Long, Optional<Status>> statuses;
    private final Function<Long, Optional<Status>> load = this::load;

    @PostConstruct
    void init() {
        statuses = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfterWrite(ttl)
                .ticker(Clocks.ticker(clock))
                .recordStats()
                .build();
    }

    /** Empty when the user no longer exists (remembered too, for the same time). */
    public Optional<Status> status(long userId) {
        return statuses.get(userId, load);
    }

    /** In the transaction that changes the row: other nodes hear of it when (and if) it commits. */
    void publish(@Observes(during = TransactionPhase.IN_PROGRESS) UserChanged changed) {
        changes.publish(Change.user(changed.userId()));
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserChanged changed) {
        statuses.invalidate(changed.userId());
    }

    void onChangeAnywhere(@Observes Change change) {
        if (change.kind() == Change.Kind.USER) {
            statuses.invalidate(change.id());
        }
    }

    void onChangesMissed(@Observes ChangesMissed missed) {
        statuses.invalidateAll();
    }

    public CacheStats stats() {
        return statuses.stats();
    }

    public long size() {
        return statuses.estimatedSize();
    }

    private Optional<Status> load(long userId) {
        return users.findById(userId).map(UserStatusCache::of);
    }

    private static Status of(User user) {
        return new Status(
                user.id(), user.username(), user.isActive(), Roles.granted(user.roles()), user.tokensValidAfter());
    }
}
