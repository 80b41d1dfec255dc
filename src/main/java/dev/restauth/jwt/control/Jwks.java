package dev.restauth.jwt.control;

import dev.restauth.jwt.entity.SigningKey;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/** Stored keys as JWKs and Java keys: the encodings the signing_keys table and the JWKS use. */
final class Jwks {

    private Jwks() {}

    /** A configured key signs; stored keys still verify the tokens they signed before it. */
    static SigningKeys.KeySet configured(KeyPair pair, List<SigningKey> verifying) {
        PublicJsonWebKey signer = jwk(pair.getPublic(), null);
        return new SigningKeys.KeySet(signer.getKeyId(), pair.getPrivate(), set(signer, verifying));
    }

    /** The stored signer signs; every key still in its verification period verifies. */
    static SigningKeys.KeySet stored(List<SigningKey> keys, List<SigningKey> verifying) {
        SigningKey signer = keys.stream().filter(SigningKey::signs).findFirst().orElseThrow();
        return new SigningKeys.KeySet(signer.kid(), privateKey(signer), set(publicJwk(signer), verifying));
    }

    /** The JWKS document: the signer's key first, public parts only. */
    private static String set(JsonWebKey signer, List<SigningKey> verifying) {
        List<JsonWebKey> keys = new ArrayList<>();
        keys.add(signer);
        verifying.stream()
                .filter(key -> !key.kid().equals(signer.getKeyId()))
                .map(Jwks::publicJwk)
                .forEach(keys::add);
        return new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    static JsonWebKey publicJwk(SigningKey key) {
        try {
            PublicKey publicKey = KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.publicKey())));
            return jwk(publicKey, key.kid());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable public key " + key.kid(), e);
        }
    }

    /** The public JWK; its kid is the RFC 7638 thumbprint unless one is given. */
    static PublicJsonWebKey jwk(PublicKey publicKey, String kid) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(publicKey);
            jwk.setKeyId(kid != null ? kid : jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
            jwk.setAlgorithm(SigningKeyStore.ES256);
            jwk.setUse("sig");
            return jwk;
        } catch (JoseException e) {
            throw new IllegalStateException("Unusable public key", e);
        }
    }

    static PrivateKey privateKey(SigningKey key) {
        try {
            return KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key.privateKey())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable private key " + key.kid(), e);
        }
    }

    /** The kids a JWKS document names (keys without one are left out). */
    static Set<String> kids(String jwks) {
        try (JsonReader reader = Json.createReader(new StringReader(jwks))) {
            return reader.readObject().getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                    .map(key -> key.getString("kid", null))
                    .filter(Objects::nonNull)
                    .collect(Collectors.toUnmodifiableSet());
        }
    }
}
