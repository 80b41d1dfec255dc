package dev.restauth.users.control;

import dev.restauth.users.entity.User;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The user status cache in front of one in-memory user instead of the users table. */
public final class InMemoryUsers {

    private InMemoryUsers() {}

    public static UserStatusCache statusCache(User user, Clock clock) {
        UserStatusCache cache = new UserStatusCache();
        cache.users = new UserStore() {
            @Override
            public Optional<User> findById(long id) {
                return user.id() == id ? Optional.of(user) : Optional.empty();
            }
        };
        cache.clock = clock;
        cache.ttl = Duration.ofSeconds(5);
        return cache;
    }
}
