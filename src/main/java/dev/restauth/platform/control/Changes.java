package dev.restauth.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Publishes a {@link Change} to every node (this one included) through PostgreSQL's NOTIFY, as
 * part of the current transaction: PostgreSQL delivers it when the transaction commits, after
 * the change is visible to other sessions, and never if it rolls back. Identical notifications of
 * one transaction arrive once.
 */
@ApplicationScoped
public class Changes {

    static final String CHANNEL = "restauth_changes";

    @PersistenceContext(unitName = "restauth")
    EntityManager entityManager;

    /** Only inside the transaction that makes the change: outside one it would be sent at once. */
    @Transactional(TxType.MANDATORY)
    public void publish(Change change) {
        // pg_notify returns void, which JPA cannot map; selecting a constant from it can.
        entityManager
                .createNativeQuery("SELECT 1 FROM pg_notify(?1, ?2)")
                .setParameter(1, CHANNEL)
                .setParameter(2, change.payload())
                .getSingleResult();
    }
}
