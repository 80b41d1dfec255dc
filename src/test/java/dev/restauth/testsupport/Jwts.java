package dev.restauth.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Taking JWTs apart and forging them, for the tests that speak HTTP. */
public final class Jwts {

    private Jwts() {}

    /** The header (0) or the claims (1) of a compact JWS, as JSON. */
    public static JsonObject part(String jwt, int index) {
        String json = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(json)).readObject();
    }

    /** Unpadded base64url, as JWS segments are written. */
    public static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Base64url noise of this many bytes. */
    public static String random(int bytes) {
        byte[] noise = new byte[bytes];
        new SecureRandom().nextBytes(noise);
        return b64(noise);
    }

    /** A token signed here, with a key the server has never seen, claiming whatever we like. */
    public static String mintEs256(JsonObject header, JsonObject claims) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(generator.generateKeyPair().getPrivate());
        String input = b64(header.toString()) + "." + b64(claims.toString());
        signer.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64(signer.sign());
    }

    /** A token HMAC-signed here with {@code secret}, by the header's {@code alg} (HS256, HS384, HS512). */
    public static String mintHmac(String secret, JsonObject header, JsonObject claims) throws GeneralSecurityException {
        String algorithm = "HmacSHA" + header.getString("alg").substring(2);
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
        String input = b64(header.toString()) + "." + b64(claims.toString());
        return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }
}
