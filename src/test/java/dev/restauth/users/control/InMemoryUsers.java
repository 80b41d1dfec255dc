package dev.restauth.users.control;

import dev.restauth.users.entity.User;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The users table as a map, for unit tests and the JMH benchmarks: a {@link UserStore} and the
 * {@link UserStatusCache} in front of it, wired as CDI would wire them.
 */
public final class InMemoryUsers extends UserStore {

    private final Map<Long, User> users = new ConcurrentHashMap<>();
    private int finds;

    public InMemoryUsers(User... initial) {
        for (User user : initial) {
            users.put(user.id(), user);
        }
    }

    /** A user as the database would hand it over: with an id. */
    public static User user(long id, String username, String... roles) {
        User user = new User(username, "unused", Set.of(roles), Instant.now().minusSeconds(60));
        try {
            Field field = User.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(user, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return user;
    }

    public UserStatusCache statusCache(Clock clock) {
        UserStatusCache cache = new UserStatusCache();
        cache.users = this;
        cache.clock = clock;
        cache.ttl = Duration.ofSeconds(5);
        cache.init();
        return cache;
    }

    /** How often a user was looked up by id: what the status cache saves. */
    public int finds() {
        return finds;
    }

    @Override
    public Optional<User> findById(long id) {
        finds++;
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return users.values().stream()
                .filter(user -> user.username().equals(username))
                .findFirst();
    }

    /** Stored with the next free id; a taken username fails as the unique constraint would. */
    @Override
    public User add(User user) {
        if (findByUsername(user.username()).isPresent()) {
            throw new jakarta.persistence.PersistenceException(
                    new java.sql.SQLException("duplicate key value violates unique constraint", "23505"));
        }
        long id = users.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
        try {
            Field field = User.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(user, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        users.put(id, user);
        return user;
    }

    @Override
    public java.util.List<User> all() {
        return users.values().stream()
                .sorted(java.util.Comparator.comparing(User::username))
                .toList();
    }

    @Override
    public Optional<User> remove(String username) {
        Optional<User> user = findByUsername(username);
        user.ifPresent(found -> users.remove(found.id()));
        return user;
    }

    @Override
    public void recordLogin(long userId, java.time.Instant now) {
        findById(userId).ifPresent(user -> user.recordLogin(now));
    }

    @Override
    public Optional<User> update(String username, Consumer<User> change) {
        Optional<User> user = findByUsername(username);
        user.ifPresent(change);
        return user;
    }
}
