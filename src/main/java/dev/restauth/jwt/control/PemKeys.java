package dev.restauth.jwt.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;

/** Reads a configured ES256 signing key: a PKCS#8 PEM of a P-256 private key. */
final class PemKeys {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private PemKeys() {}

    /** The key pair, its public half derived from the private key (Q = d·G on P-256). */
    static KeyPair es256(String pem) {
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("jwt.signing-key: expected a PKCS#8 PEM (BEGIN PRIVATE KEY)");
        }
        ECPrivateKey privateKey = privateKey(pem.substring(begin + BEGIN.length(), end));
        ECNamedCurveParameterSpec p256 = ECNamedCurveTable.getParameterSpec("secp256r1");
        if (!privateKey.getParams().getOrder().equals(p256.getN())
                || !privateKey
                        .getParams()
                        .getCurve()
                        .getA()
                        .equals(p256.getCurve().getA().toBigInteger())) {
            throw new IllegalArgumentException("jwt.signing-key: ES256 needs a P-256 key");
        }
        var q = p256.getG().multiply(privateKey.getS()).normalize();
        try {
            var publicKey = KeyFactory.getInstance("EC")
                    .generatePublic(new ECPublicKeySpec(
                            new ECPoint(
                                    q.getAffineXCoord().toBigInteger(),
                                    q.getAffineYCoord().toBigInteger()),
                            privateKey.getParams()));
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("jwt.signing-key: not a readable EC private key", e);
        }
    }

    private static ECPrivateKey privateKey(String base64) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64);
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalArgumentException("jwt.signing-key: not a readable EC private key", e);
        }
    }

    /** The key configured inline ({@code jwt.signing-key}) or in a file ({@code .location}), if any. */
    static Optional<KeyPair> configured(Optional<String> configuredKey, Optional<String> configuredKeyLocation) {
        if (configuredKey.filter(pem -> !pem.isBlank()).isPresent()) {
            return Optional.of(es256(configuredKey.get()));
        }
        if (configuredKeyLocation.filter(path -> !path.isBlank()).isPresent()) {
            try {
                return Optional.of(es256(Files.readString(Path.of(configuredKeyLocation.get()))));
            } catch (IOException e) {
                throw new IllegalStateException(
                        "jwt.signing-key.location: cannot read " + configuredKeyLocation.get(), e);
            }
        }
        return Optional.empty();
    }
}
