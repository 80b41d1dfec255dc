package dev.restauth.apitokens.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server-side secret that keys API-token digests. Configure {@code apitokens.pepper} (kept
 * outside the database, so that a copy of the database alone is useless); without it one is
 * generated once and stored in {@code server_secrets}, shared by every node.
 */
@ApplicationScoped
@Transactional
public class Pepper {

    static final String NAME = "apitokens.pepper";
    private static final long GENERATION_LOCK = 0x7065_7070_6572L;

    @Inject
    @ConfigProperty(name = "apitokens.pepper")
    Optional<String> configured;

    @PersistenceContext(unitName = "restauth")
    EntityManager entityManager;

    public byte[] value() {
        if (configured.filter(value -> !value.isBlank()).isPresent()) {
            return configured.get().getBytes(StandardCharsets.UTF_8);
        }
        entityManager
                .createNativeQuery("SELECT pg_advisory_xact_lock(" + GENERATION_LOCK + ")")
                .getSingleResult();
        List<?> stored = entityManager
                .createNativeQuery("SELECT value FROM server_secrets WHERE name = ?1")
                .setParameter(1, NAME)
                .getResultList();
        if (!stored.isEmpty()) {
            return Base64.getDecoder().decode(stored.get(0).toString());
        }
        byte[] generated = new byte[32];
        new SecureRandom().nextBytes(generated);
        entityManager
                .createNativeQuery("INSERT INTO server_secrets (name, value) VALUES (?1, ?2)")
                .setParameter(1, NAME)
                .setParameter(2, Base64.getEncoder().encodeToString(generated))
                .executeUpdate();
        return generated;
    }
}
