package dev.restauth.django.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * The old service's refresh tokens that can no longer be exchanged, by jti: exchanged here, or
 * blacklisted there. Every decision is one statement, so PostgreSQL decides between concurrent
 * requests on any node, not a read followed by a write.
 */
@ApplicationScoped
@Transactional
public class SpentTokens {

    static final String EXCHANGED = "exchanged";
    static final String BLACKLISTED = "blacklisted";

    /** What an import did, or would do, with a blacklisted jti. */
    enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    @PersistenceContext(unitName = "restauth")
    EntityManager entityManager;

    /** True for the one caller whose insert made the row; false when the jti is spent already. */
    public boolean exchange(String jti, Instant now, Instant expiresAt) {
        return entityManager
                        .createNativeQuery(
                                """
                INSERT INTO django_spent_tokens (jti, reason, recorded_at, expires_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (jti) DO NOTHING
                """)
                        .setParameter(1, jti)
                        .setParameter(2, EXCHANGED)
                        .setParameter(3, now)
                        .setParameter(4, expiresAt)
                        .executeUpdate()
                == 1;
    }

    /** Records a jti the old service blacklisted (an exchanged one becomes blacklisted). */
    Outcome blacklist(String jti, Instant now, Instant expiresAt, boolean dryRun) {
        List<?> found = entityManager
                .createNativeQuery("SELECT reason FROM django_spent_tokens WHERE jti = ?1")
                .setParameter(1, jti)
                .getResultList();
        Outcome outcome = found.isEmpty()
                ? Outcome.CREATED
                : BLACKLISTED.equals(found.get(0)) ? Outcome.UNCHANGED : Outcome.UPDATED;
        if (dryRun || outcome == Outcome.UNCHANGED) {
            return outcome;
        }
        entityManager
                .createNativeQuery(
                        """
                INSERT INTO django_spent_tokens (jti, reason, recorded_at, expires_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (jti) DO UPDATE SET reason = EXCLUDED.reason
                """)
                .setParameter(1, jti)
                .setParameter(2, BLACKLISTED)
                .setParameter(3, now)
                .setParameter(4, expiresAt)
                .executeUpdate();
        return outcome;
    }

    /** Deletes up to {@code limit} rows whose tokens have expired; how many it deleted. */
    public int purgeExpired(Instant now, int limit) {
        return entityManager
                .createNativeQuery(
                        """
                DELETE FROM django_spent_tokens WHERE jti IN
                  (SELECT jti FROM django_spent_tokens WHERE expires_at <= ?1 LIMIT ?2)
                """)
                .setParameter(1, now)
                .setParameter(2, limit)
                .executeUpdate();
    }
}
