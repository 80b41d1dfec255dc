package dev.restauth.users.control;

import dev.restauth.users.entity.ImportedUser;
import dev.restauth.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The SQL of {@link UserImports}, inside its transaction: imported users keep their ids, so new
 * rows are inserted with SQL (the entity's identity column would assign its own), and the identity
 * sequence is moved past them afterwards.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ImportedRows {

    @PersistenceContext(unitName = "restauth")
    EntityManager entityManager;

    /** The users a batch names by id or by username, their roles loaded in the same query. */
    List<User> existing(List<ImportedUser> batch) {
        // Planned for these values, not once for all: the JDBC driver prepares a statement after
        // five runs, and PostgreSQL's generic plan, made while the table was nearly empty, scanned
        // every row against every one of a batch's names unhashed. The scans grew with the
        // table, and a fresh server's 100,000-user import met the 3 s statement timeout at
        // ~80,000 (503). Planned per batch, the lists are constants: hashed, or the indexes used.
        entityManager
                .createNativeQuery("SET LOCAL plan_cache_mode = force_custom_plan")
                .executeUpdate();
        List<Long> ids =
                batch.stream().map(ImportedUser::id).filter(Objects::nonNull).toList();
        List<String> names = batch.stream().map(ImportedUser::username).toList();
        return entityManager
                .createQuery(
                        "SELECT DISTINCT u FROM User u LEFT JOIN FETCH u.roles"
                                + " WHERE u.id IN :ids OR u.username IN :names",
                        User.class)
                .setParameter("ids", ids.isEmpty() ? List.of(-1L) : ids)
                .setParameter("names", names)
                .getResultList();
    }

    /** A new row with the source's id (or a new one when it gave none); returns the id. */
    Long insert(ImportedUser user, Instant now) {
        Instant joined = user.joined() == null ? now : user.joined();
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

    /** Moves the id sequence past the largest id, so that users created later never collide. */
    void adjustIdSequence() {
        entityManager
                .createNativeQuery("SELECT setval(pg_get_serial_sequence('users', 'id'),"
                        + " (SELECT COALESCE(MAX(id), 1) FROM users))")
                .getSingleResult();
    }
}
