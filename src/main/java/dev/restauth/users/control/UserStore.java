package dev.restauth.users.control;

import dev.restauth.users.entity.User;
import dev.restauth.users.entity.UserChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The users table, and the only code that writes it: every change or removal fires {@link
 * UserChanged}. Callers hand it only usernames that {@link UsernameRules} accepts. Reads run in a
 * transaction too: Hibernate's transaction-less entity manager trips over Liberty's local
 * transaction cleanup (J2CA0026E) when it closes.
 */
@ApplicationScoped
@Transactional
public class UserStore {

    @PersistenceContext(unitName = "restauth")
    EntityManager entityManager;

    @Inject
    Event<UserChanged> changed;

    public Optional<User> findByUsername(String username) {
        return entityManager
                .createQuery("SELECT u FROM User u WHERE u.username = :username", User.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }

    public Optional<User> findById(long id) {
        return Optional.ofNullable(entityManager.find(User.class, id));
    }

    public List<User> all() {
        return entityManager
                .createQuery("SELECT u FROM User u ORDER BY u.username", User.class)
                .getResultList();
    }

    /**
     * DRF's SearchFilter over username and roles: every term must be contained, ignoring case, in
     * the username or in one of the roles (LIKE's wildcards in a term are taken literally).
     */
    public List<User> search(List<String> terms) {
        return matching("SELECT u", terms, " ORDER BY u.username", User.class).getResultList();
    }

    /** One page of {@link #search}'s results (no terms: of every user), in the same order. */
    public List<User> search(List<String> terms, int offset, int limit) {
        return matching("SELECT u", terms, " ORDER BY u.username", User.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    /** How many users {@link #search} finds. */
    public long count(List<String> terms) {
        return matching("SELECT COUNT(u)", terms, "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> matching(String select, List<String> terms, String order, Class<T> type) {
        StringBuilder query = new StringBuilder(select).append(" FROM User u");
        for (int i = 0; i < terms.size(); i++) {
            query.append(i == 0 ? " WHERE " : " AND ")
                    .append("(LOWER(u.username) LIKE :term")
                    .append(i)
                    .append(
                            " ESCAPE '\\' OR EXISTS (SELECT r FROM User v JOIN v.roles r WHERE v = u AND LOWER(r) LIKE :term")
                    .append(i)
                    .append(" ESCAPE '\\'))");
        }
        TypedQuery<T> matching = entityManager.createQuery(query.append(order).toString(), type);
        for (int i = 0; i < terms.size(); i++) {
            matching.setParameter("term" + i, "%" + likeLiteral(terms.get(i).toLowerCase(Locale.ROOT)) + "%");
        }
        return matching;
    }

    static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Flushes at once so that a duplicate username fails here, not later at commit. */
    public User add(User user) {
        entityManager.persist(user);
        entityManager.flush();
        return user;
    }

    /** Loads the user in a transaction, lets {@code change} modify it, and commits. */
    public Optional<User> update(String username, Consumer<User> change) {
        Optional<User> user = findByUsername(username);
        user.ifPresent(found -> {
            change.accept(found);
            changed.fire(new UserChanged(found.id()));
        });
        return user;
    }

    /**
     * A login's time, in one statement and without {@link UserChanged}: no node caches it, and an
     * event here made every login evict the user's status on every node (a NOTIFY per login).
     */
    public void recordLogin(long userId, Instant now) {
        entityManager
                .createQuery("UPDATE User u SET u.lastLogin = :now WHERE u.id = :id")
                .setParameter("now", now)
                .setParameter("id", userId)
                .executeUpdate();
    }

    public Optional<User> remove(String username) {
        Optional<User> user = findByUsername(username);
        user.ifPresent(found -> {
            entityManager.remove(found);
            changed.fire(new UserChanged(found.id()));
        });
        return user;
    }
}
