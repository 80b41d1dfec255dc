package dev.restauth.jwt.control;

import dev.restauth.jwt.entity.SigningKey;
import dev.restauth.platform.control.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The keys in memory: the one that signs, and the public set that verifies (also published as
 * the JWKS). Loaded once the schema is ready, or on first use if the database came up later.
 */
@ApplicationScoped
public class SigningKeys {

    /** The signing key with its kid, and the verification keys as a JWKS document. */
    public record KeySet(String kid, PrivateKey signingKey, String jwks) {}

    @Inject
    SigningKeyStore store;

    @Inject
    JwtSettings settings;

    @Inject
    Clock clock;

    private volatile KeySet current;

    void onSchemaReady(@Observes SchemaReady ready) {
        reload();
    }

    public KeySet current() {
        KeySet keys = current;
        return keys != null ? keys : reload();
    }

    public synchronized KeySet reload() {
        List<SigningKey> keys = store.loadOrGenerate();
        SigningKey signer = keys.stream().filter(SigningKey::signs).findFirst().orElseThrow();
        List<JsonWebKey> verifiers = new ArrayList<>();
        for (SigningKey key : keys) {
            if (key.verifies(clock.instant(), settings.longestLifetime())) {
                verifiers.add(publicJwk(key));
            }
        }
        current = new KeySet(
                signer.kid(),
                privateKey(signer),
                new JsonWebKeySet(verifiers).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        return current;
    }

    private static JsonWebKey publicJwk(SigningKey key) {
        try {
            PublicKey publicKey = KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.publicKey())));
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(publicKey);
            jwk.setKeyId(key.kid());
            jwk.setAlgorithm(key.algorithm());
            jwk.setUse("sig");
            return jwk;
        } catch (GeneralSecurityException | JoseException e) {
            throw new IllegalStateException("Unreadable public key " + key.kid(), e);
        }
    }

    private static PrivateKey privateKey(SigningKey key) {
        try {
            return KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key.privateKey())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable private key " + key.kid(), e);
        }
    }
}
