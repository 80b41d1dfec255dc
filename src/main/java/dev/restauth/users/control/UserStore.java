package dev.restauth.users.control;

import dev.restauth.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The users table. Callers hand it only usernames that {@link UsernameRules} accepts. Reads run
 * in a transaction too: Hibernate's transaction-less entity manager trips over Liberty's local
 * transaction cleanup (J2CA0026E) when it closes.
 */
@ApplicationScoped
@Transactional
public class UserStore {

    @PersistenceContext(unitName = "restauth")
    EntityManager entityManager;

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

    /** Flushes at once so that a duplicate username fails here, not later at commit. */
    public User add(User user) {
        entityManager.persist(user);
        entityManager.flush();
        return user;
    }

    /** Loads the user in a transaction, lets {@code change} modify it, and commits. */
    public Optional<User> update(String username, Consumer<User> change) {
        Optional<User> user = findByUsername(username);
        user.ifPresent(change);
        return user;
    }

    public boolean remove(String username) {
        Optional<User> user = findByUsername(username);
        user.ifPresent(entityManager::remove);
        return user.isPresent();
    }
}
