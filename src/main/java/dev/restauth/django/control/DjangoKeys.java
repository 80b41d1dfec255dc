package dev.restauth.django.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.jose4j.keys.HmacKey;

/**
 * The old service's verification key, as its SimpleJWT settings hold it: the HMAC secret
 * ({@code SIGNING_KEY}) or a public key PEM ({@code VERIFYING_KEY}), checked against the algorithm
 * so that a key of one kind can never verify a token of another. Messages name the setting, never
 * the key.
 */
final class DjangoKeys {

    private DjangoKeys() {}

    /** The key inline or from its file; a final line break of the file is not part of it. */
    static Optional<String> configured(Optional<String> inline, Optional<String> location) {
        if (inline.filter(text -> !text.isEmpty()).isPresent()) {
            return inline;
        }
        if (location.filter(path -> !path.isBlank()).isEmpty()) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(Path.of(location.get()));
            int end =
                    text.endsWith("\r\n") ? text.length() - 2 : text.endsWith("\n") ? text.length() - 1 : text.length();
            return Optional.of(text.substring(0, end));
        } catch (IOException e) {
            throw new IllegalStateException("django.cutover.key.location: cannot read " + location.get());
        }
    }

    static Key forAlgorithm(String algorithm, String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("django.cutover.key: empty");
        }
        boolean pem = text.contains("-----BEGIN");
        if (algorithm.startsWith("HS")) {
            if (pem) {
                // PyJWT refuses this too: a public key used as an HMAC secret is the classic confusion.
                throw new IllegalArgumentException("django.cutover.key: " + algorithm + " needs the secret, not a PEM");
            }
            return new HmacKey(text.getBytes(StandardCharsets.UTF_8));
        }
        PublicKey key = publicKey(algorithm.startsWith("RS") ? "RSA" : "EC", text);
        if (algorithm.startsWith("RS") && !(key instanceof RSAPublicKey)
                || algorithm.startsWith("ES") && !(key instanceof ECPublicKey)) {
            throw new IllegalArgumentException("django.cutover.key: not a key for " + algorithm);
        }
        return key;
    }

    private static PublicKey publicKey(String type, String pem) {
        String begin = "-----BEGIN PUBLIC KEY-----";
        String end = "-----END PUBLIC KEY-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("django.cutover.key: expected a public key PEM (BEGIN PUBLIC KEY)");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
            return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("django.cutover.key: not a readable " + type + " public key");
        }
    }
}
