package dev.restauth.users.control;

import dev.restauth.users.entity.ImportedUser;
import dev.restauth.users.entity.ImportedUser.Outcome;
import dev.restauth.users.entity.ImportedUser.Result;
import dev.restauth.users.entity.TokensRevoked;
import dev.restauth.users.entity.User;
import dev.restauth.users.entity.UserChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Users imported from another system, a batch per transaction. Ids are kept, so new rows are
 * inserted with SQL (the entity's identity column would assign its own); the identity sequence is
 * moved past them afterwards. A user found by the same id and username is compared and updated;
 * an id or a username held by someone else is a conflict, never merged. A stored hash is replaced
 * only while it is still an imported one: a user who logged in since has the same password,
 * rehashed to Argon2id, and a re-import must not undo that.
 */
@ApplicationScoped
@Transactional
public class UserImports {

    @PersistenceContext(unitName = "restauth")
    EntityManager entityManager;

    @Inject
    Event<UserChanged> changed;

    @Inject
    Event<TokensRevoked> tokensRevoked;

    @Inject
    Clock clock;

    /** Applies (or, with {@code dryRun}, only assesses) a batch; one result per user, in order. */
    public List<Result> apply(List<ImportedUser> batch, boolean dryRun) {
        Map<Long, User> byId = new HashMap<>();
        Map<String, User> byName = new HashMap<>();
        List<Long> ids =
                batch.stream().map(ImportedUser::id).filter(Objects::nonNull).toList();
        List<String> names = batch.stream().map(ImportedUser::username).toList();
        entityManager
                .createQuery(
                        "SELECT DISTINCT u FROM User u LEFT JOIN FETCH u.roles"
                                + " WHERE u.id IN :ids OR u.username IN :names",
                        User.class)
                .setParameter("ids", ids.isEmpty() ? List.of(-1L) : ids)
                .setParameter("names", names)
                .getResultList()
                .forEach(user -> {
                    byId.put(user.id(), user);
                    byName.put(user.username(), user);
                });
        Instant now = clock.instant();
        List<Result> results = new ArrayList<>(batch.size());
        for (ImportedUser imported : batch) {
            User sameName = byName.get(imported.username());
            User existing = imported.id() == null ? sameName : byId.get(imported.id());
            if (existing != null && !existing.username().equals(imported.username())) {
                results.add(new Result(
                        Outcome.CONFLICT, null, "A user with this id already exists: " + existing.username() + "."));
            } else if (existing == null && sameName != null) {
                results.add(new Result(Outcome.CONFLICT, null, UserRequests.DUPLICATE));
            } else if (existing == null) {
                Long id = dryRun ? imported.id() : insert(imported);
                results.add(new Result(Outcome.CREATED, id, null));
            } else {
                boolean differs =
                        dryRun ? existing.differsFrom(imported, isImported(existing)) : update(existing, imported, now);
                results.add(new Result(differs ? Outcome.UPDATED : Outcome.UNCHANGED, existing.id(), null));
            }
        }
        return results;
    }

    /** Moves the id sequence past the largest id, so that users created later never collide. */
    public void adjustIdSequence() {
        entityManager
                .createNativeQuery("SELECT setval(pg_get_serial_sequence('users', 'id'),"
                        + " (SELECT COALESCE(MAX(id), 1) FROM users))")
                .getSingleResult();
    }

    private Long insert(ImportedUser user) {
        Instant joined = user.joined() == null ? clock.instant() : user.joined();
        Instant validAfter = Instant.ofEpochSecond(joined.getEpochSecond());
        Long id;
        if (user.id() == null) {
            id = ((Number) entityManager
                            .createNativeQuery("INSERT INTO users (username, password_hash, active, created_at,"
                                    + " last_login, password_changed_at, tokens_valid_after)"
                                    + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id")
                            .setParameter(1, user.username())
                            .setParameter(2, user.passwordHash())
                            .setParameter(3, user.active())
                            .setParameter(4, joined)
                            .setParameter(5, user.lastLogin())
                            .setParameter(6, joined)
                            .setParameter(7, validAfter)
                            .getSingleResult())
                    .longValue();
        } else {
            id = user.id();
            entityManager
                    .createNativeQuery("INSERT INTO users (id, username, password_hash, active, created_at,"
                            + " last_login, password_changed_at, tokens_valid_after)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                    .setParameter(1, id)
                    .setParameter(2, user.username())
                    .setParameter(3, user.passwordHash())
                    .setParameter(4, user.active())
                    .setParameter(5, joined)
                    .setParameter(6, user.lastLogin())
                    .setParameter(7, joined)
                    .setParameter(8, validAfter)
                    .executeUpdate();
        }
        for (String role : user.roles()) {
            entityManager
                    .createNativeQuery("INSERT INTO user_roles (user_id, role) VALUES (?1, ?2)")
                    .setParameter(1, id)
                    .setParameter(2, role)
                    .executeUpdate();
        }
        return id;
    }

    private boolean update(User existing, ImportedUser imported, Instant now) {
        boolean hashReplaceable = isImported(existing);
        boolean newPassword = hashReplaceable && !existing.passwordHash().equals(imported.passwordHash());
        boolean deactivated = existing.isActive() && !imported.active();
        if (!existing.updateFrom(imported, hashReplaceable, now)) {
            return false;
        }
        changed.fire(new UserChanged(existing.id()));
        if (newPassword) {
            tokensRevoked.fire(new TokensRevoked(existing.id(), TokensRevoked.Reason.PASSWORD_CHANGED));
        } else if (deactivated) {
            tokensRevoked.fire(new TokensRevoked(existing.id(), TokensRevoked.Reason.DEACTIVATED));
        }
        return true;
    }

    /** A hash this server did not make: replaced by the source's until the user's next login. */
    private static boolean isImported(User user) {
        return Passwords.isDjangoHash(user.passwordHash());
    }
}
