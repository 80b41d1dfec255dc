package dev.restauth.apitokens.control;

import dev.restauth.apitokens.entity.ApiToken;
import dev.restauth.platform.control.Change;
import dev.restauth.platform.control.Changes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The api_tokens table. A revocation is published as a {@link Change} in its own transaction, so
 * that every node forgets the key when it commits ({@link VerifiedKeys}).
 */
@ApplicationScoped
@Transactional
public class ApiTokenStore {

    @PersistenceContext(unitName = "restauth")
    EntityManager entityManager;

    @Inject
    Changes changes;

    public ApiToken add(ApiToken token) {
        entityManager.persist(token);
        entityManager.flush();
        return token;
    }

    public List<ApiToken> withSelector(String selector) {
        return entityManager
                .createQuery("SELECT t FROM ApiToken t WHERE t.selector = :selector", ApiToken.class)
                .setParameter("selector", selector)
                .getResultList();
    }

    public List<ApiToken> ofUser(long userId) {
        return entityManager
                .createQuery(
                        "SELECT t FROM ApiToken t WHERE t.userId = :user AND t.revokedAt IS NULL ORDER BY t.createdAt",
                        ApiToken.class)
                .setParameter("user", userId)
                .getResultList();
    }

    public Optional<ApiToken> find(long id) {
        return Optional.ofNullable(entityManager.find(ApiToken.class, id));
    }

    public boolean revoke(long id, Instant now) {
        Optional<ApiToken> token = find(id);
        token.ifPresent(found -> {
            found.revoke(now);
            changes.publish(Change.apiToken(id));
        });
        return token.isPresent();
    }

    public int revokeAllOf(long userId, Instant now) {
        changes.publish(Change.apiTokensOf(userId));
        return entityManager
                .createQuery("UPDATE ApiToken t SET t.revokedAt = :now WHERE t.userId = :user AND t.revokedAt IS NULL")
                .setParameter("now", now)
                .setParameter("user", userId)
                .executeUpdate();
    }

    /**
     * Records a use unless one was recorded less than {@code interval} ago; a conditional UPDATE,
     * so concurrent first uses write once. Returns whether this call wrote.
     */
    public boolean touch(long id, Instant now, Duration interval) {
        return entityManager
                        .createQuery("UPDATE ApiToken t SET t.lastUsedAt = :now WHERE t.id = :id"
                                + " AND (t.lastUsedAt IS NULL OR t.lastUsedAt < :due)")
                        .setParameter("now", now)
                        .setParameter("id", id)
                        .setParameter("due", now.minus(interval))
                        .executeUpdate()
                == 1;
    }
}
