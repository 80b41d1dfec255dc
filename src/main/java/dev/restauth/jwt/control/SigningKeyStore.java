package dev.restauth.jwt.control;

import dev.restauth.jwt.entity.SigningKey;
import dev.restauth.platform.control.Change;
import dev.restauth.platform.control.Changes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The signing_keys table. When no key signs yet, one node generates an ES256 key under a
 * PostgreSQL advisory lock, so that several nodes starting at once agree on a single key. A new
 * key is published as a {@link Change} in the same transaction: every node reloads its keys when
 * it commits ({@link SigningKeys}).
 */
@ApplicationScoped
@Transactional
public class SigningKeyStore {

    static final String ES256 = "ES256";
    /** Any number unique to this lock within the database. */
    private static final long GENERATION_LOCK = 0x7265_7374_6b65_7973L;

    @PersistenceContext(unitName = "restauth")
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    Changes changes;

    /**
     * All keys, after making sure one of them signs and is younger than {@code maxAge} (or when
     * {@code rotateNow}): the old signer is retired and keeps verifying.
     */
    public List<SigningKey> loadOrGenerate(Duration maxAge, boolean rotateNow) {
        entityManager
                .createNativeQuery("SELECT pg_advisory_xact_lock(" + GENERATION_LOCK + ")")
                .getSingleResult();
        Instant now = clock.instant();
        List<SigningKey> keys = all();
        boolean due = keys.stream().anyMatch(key -> rotateNow || key.isDueForRotation(now, maxAge));
        if (due || keys.stream().noneMatch(SigningKey::signs)) {
            keys.forEach(key -> key.retire(now));
            entityManager.persist(generate());
            entityManager.flush();
            changes.publish(Change.signingKeys());
            keys = all();
        }
        return keys;
    }

    public List<SigningKey> all() {
        return entityManager
                .createQuery("SELECT k FROM SigningKey k ORDER BY k.createdAt DESC", SigningKey.class)
                .getResultList();
    }

    private SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            String kid = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic())
                    .calculateBase64urlEncodedThumbprint("SHA-256");
            return new SigningKey(
                    kid,
                    ES256,
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                    Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                    clock.instant());
        } catch (GeneralSecurityException | JoseException e) {
            throw new IllegalStateException("Cannot generate an ES256 signing key", e);
        }
    }
}
