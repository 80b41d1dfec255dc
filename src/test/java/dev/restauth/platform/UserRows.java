package dev.restauth.platform;

import dev.restauth.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Test-only bean in the Arquillian archive: container-managed persistence, as the app uses it. */
@ApplicationScoped
public class UserRows {

    @PersistenceContext(unitName = "restauth")
    EntityManager entityManager;

    @Transactional
    public long persist(User user) {
        entityManager.persist(user);
        entityManager.flush();
        return user.id();
    }

    @Transactional
    public void deactivate(String username) {
        findByUsername(username).setActive(false, Instant.now());
    }

    @Transactional
    public User findByUsername(String username) {
        return entityManager
                .createQuery("SELECT u FROM User u WHERE u.username = :username", User.class)
                .setParameter("username", username)
                .getSingleResult();
    }
}
