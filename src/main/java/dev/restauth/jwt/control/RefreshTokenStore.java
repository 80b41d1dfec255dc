package dev.restauth.jwt.control;

import dev.restauth.jwt.entity.RefreshFamily;
import dev.restauth.jwt.entity.RefreshToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The refresh families and tokens. Every state change is a single conditional UPDATE, so that
 * concurrent requests cannot both win: PostgreSQL decides, not a read followed by a write.
 */
@ApplicationScoped
@Transactional
public class RefreshTokenStore {

    @PersistenceContext(unitName = "restauth")
    EntityManager entityManager;

    public void startFamily(UUID family, long userId, Instant now) {
        entityManager.persist(new RefreshFamily(family, userId, now));
    }

    public void record(String jti, UUID family, long userId, Instant issuedAt, Instant expiresAt) {
        entityManager.persist(new RefreshToken(jti, family, userId, issuedAt, expiresAt));
    }

    /**
     * Marks the token rotated if, and only if, it is live, and records its successor in the same
     * transaction: exactly one concurrent caller wins, and whoever finds the token rotated finds its
     * successor too (the retries of {@link #currentOfRecentlyRotated} rely on it).
     */
    public boolean rotate(String jti, Instant now, RefreshToken successor) {
        boolean rotated = entityManager
                        .createNativeQuery(
                                """
                UPDATE refresh_tokens t SET rotated_at = ?1
                 WHERE t.jti = ?2 AND t.rotated_at IS NULL AND t.blacklisted_at IS NULL AND t.expires_at > ?1
                   AND NOT EXISTS (SELECT 1 FROM refresh_families f WHERE f.id = t.family_id AND f.revoked_at IS NOT NULL)
                """)
                        .setParameter(1, now)
                        .setParameter(2, jti)
                        .executeUpdate()
                == 1;
        if (rotated) {
            entityManager.persist(successor);
        }
        return rotated;
    }

    /**
     * The live token of the family of a token rotated at or after {@code rotatedSince}: what a
     * client that retries a refresh (its answer was lost, or another tab refreshed first) should
     * hold now. Empty when the token was rotated earlier, blacklisted, or its family is revoked or
     * has no live token.
     */
    public Optional<RefreshToken> currentOfRecentlyRotated(String jti, Instant rotatedSince, Instant now) {
        return entityManager
                .createNativeQuery(
                        """
                SELECT c.* FROM refresh_tokens p
                  JOIN refresh_families f ON f.id = p.family_id AND f.revoked_at IS NULL
                  JOIN refresh_tokens c ON c.family_id = p.family_id
                   AND c.rotated_at IS NULL AND c.blacklisted_at IS NULL AND c.expires_at > ?3
                 WHERE p.jti = ?1 AND p.rotated_at >= ?2 AND p.blacklisted_at IS NULL
                 ORDER BY c.issued_at DESC LIMIT 1
                """,
                        RefreshToken.class)
                .setParameter(1, jti)
                .setParameter(2, rotatedSince)
                .setParameter(3, now)
                .getResultStream()
                .map(RefreshToken.class::cast)
                .findFirst();
    }

    /**
     * Blacklists a token that was neither rotated nor blacklisted before; false otherwise (or when
     * it was never ours).
     */
    public boolean blacklist(String jti, Instant now) {
        return entityManager
                        .createNativeQuery("UPDATE refresh_tokens SET blacklisted_at = ?1"
                                + " WHERE jti = ?2 AND blacklisted_at IS NULL AND rotated_at IS NULL")
                        .setParameter(1, now)
                        .setParameter(2, jti)
                        .executeUpdate()
                == 1;
    }

    /**
     * The row of one of our refresh tokens. A {@code jti} we cannot have issued (see {@link
     * TokenSigner#couldHaveIssued}) is not looked up: a NUL in it would make PostgreSQL fail the query.
     */
    public Optional<RefreshToken> find(String jti) {
        if (!TokenSigner.couldHaveIssued(jti)) {
            return Optional.empty();
        }
        return Optional.ofNullable(entityManager.find(RefreshToken.class, jti));
    }

    public boolean isFamilyRevoked(UUID family) {
        RefreshFamily found = entityManager.find(RefreshFamily.class, family);
        return found == null || found.isRevoked();
    }

    public void revokeFamily(UUID family, Instant now) {
        entityManager
                .createNativeQuery("UPDATE refresh_families SET revoked_at = ?1 WHERE id = ?2 AND revoked_at IS NULL")
                .setParameter(1, now)
                .setParameter(2, family)
                .executeUpdate();
    }

    public int revokeAllFamilies(long userId, Instant now) {
        return entityManager
                .createNativeQuery(
                        "UPDATE refresh_families SET revoked_at = ?1 WHERE user_id = ?2 AND revoked_at IS NULL")
                .setParameter(1, now)
                .setParameter(2, userId)
                .executeUpdate();
    }

    /**
     * Deletes what can no longer be used, at most {@code batch} rows of each kind: expired tokens,
     * then families left empty. In batches, so that each statement stays well within
     * db.statement.timeout however far behind the purge is; the caller repeats while a batch was
     * full.
     *
     * @return the tokens deleted
     */
    public int purgeExpired(Instant now, int batch) {
        int tokens = entityManager
                .createNativeQuery("DELETE FROM refresh_tokens WHERE jti IN "
                        + "(SELECT jti FROM refresh_tokens WHERE expires_at <= ?1 LIMIT ?2)")
                .setParameter(1, now)
                .setParameter(2, batch)
                .executeUpdate();
        entityManager
                .createNativeQuery("DELETE FROM refresh_families WHERE id IN (SELECT f.id FROM refresh_families f"
                        + " WHERE NOT EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = f.id) LIMIT ?1)")
                .setParameter(1, batch)
                .executeUpdate();
        return tokens;
    }
}
