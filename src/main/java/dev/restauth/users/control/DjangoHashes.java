package dev.restauth.users.control;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * The hash formats a Django project stores (2.2 to 5.2), so that imported users log in with the
 * password they had: pbkdf2_sha256, pbkdf2_sha1, argon2 (argon2i and argon2id), bcrypt_sha256 and
 * scrypt. Each layout is Django's {@code hashers.py}; only the parameters vary between versions.
 * Django hashes the password as typed, so these are checked against the raw password, never its
 * NFKC form.
 */
final class DjangoHashes {

    private static final String ARGON2 = "argon2$argon2";
    private static final String PBKDF2 = "pbkdf2_sha";
    private static final String BCRYPT_SHA256 = "bcrypt_sha256$";
    private static final String SCRYPT = "scrypt$";

    private static final Base64.Decoder BASE64 = Base64.getDecoder();

    // Upper bounds on a stored hash's parameters, as in Argon2Hashes: a login must not be a DoS.
    private static final int MAX_PBKDF2_ITERATIONS = 10_000_000;
    private static final int MAX_BCRYPT_COST = 16;
    private static final int MAX_SCRYPT_N = 1 << 20;
    private static final int MAX_SCRYPT_R = 32;
    private static final int MAX_SCRYPT_P = 16;

    private DjangoHashes() {}

    /** Whether the hash names an algorithm this class verifies (by its prefix). */
    static boolean recognizes(String hashed) {
        return hashed.startsWith(ARGON2)
                || hashed.startsWith(PBKDF2)
                || hashed.startsWith(BCRYPT_SHA256)
                || hashed.startsWith(SCRYPT);
    }

    /**
     * Whether the password matches; false for a format this class does not know.
     *
     * @throws IllegalArgumentException or ArrayIndexOutOfBoundsException for a malformed hash
     */
    static boolean verify(char[] password, String hashed) {
        if (hashed.startsWith(ARGON2)) {
            return Argon2Hashes.verify(utf8(password), hashed.substring("argon2".length()));
        }
        if (hashed.startsWith(PBKDF2)) {
            return verifyPbkdf2(password, hashed);
        }
        if (hashed.startsWith(BCRYPT_SHA256)) {
            return verifyBcryptSha256(password, hashed);
        }
        if (hashed.startsWith(SCRYPT)) {
            return verifyScrypt(password, hashed);
        }
        return false;
    }

    /** {@code pbkdf2_sha256$<iterations>$<salt>$<base64 key>} (and pbkdf2_sha1). */
    private static boolean verifyPbkdf2(char[] password, String hashed) {
        String[] fields = hashed.split("\\$", 4);
        if (fields.length != 4) {
            return false;
        }
        String algorithm =
                switch (fields[0]) {
                    case "pbkdf2_sha256" -> "PBKDF2WithHmacSHA256";
                    case "pbkdf2_sha1" -> "PBKDF2WithHmacSHA1";
                    default -> null;
                };
        int rounds = Integer.parseInt(fields[1]);
        if (algorithm == null || rounds < 1 || rounds > MAX_PBKDF2_ITERATIONS) {
            return false;
        }
        byte[] expected = BASE64.decode(fields[3]);
        try {
            var spec =
                    new PBEKeySpec(password, fields[2].getBytes(StandardCharsets.UTF_8), rounds, expected.length * 8);
            byte[] actual =
                    SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
            return MessageDigest.isEqual(expected, actual);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(algorithm + " is not available", unavailable);
        }
    }

    /**
     * {@code bcrypt_sha256$$2b$12$…}: bcrypt of the hex SHA-256 of the password, so that bcrypt's
     * 72-byte limit does not cut long passwords.
     */
    private static boolean verifyBcryptSha256(char[] password, String hashed) {
        String bcrypt = hashed.substring(hashed.indexOf('$') + 1);
        String[] fields = bcrypt.split("\\$");
        if (fields.length != 4 || Integer.parseInt(fields[2]) > MAX_BCRYPT_COST) {
            return false;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(utf8(password));
            byte[] hex = HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
            return OpenBSDBCrypt.checkPassword(bcrypt, hex);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("SHA-256 is not available", unavailable);
        }
    }

    /** Django 4.0+: {@code scrypt$<n>$<salt>$<r>$<p>$<base64 of the 64-byte key>}. */
    private static boolean verifyScrypt(char[] password, String hashed) {
        String[] fields = hashed.split("\\$", 6);
        if (fields.length != 6) {
            return false;
        }
        int n = Integer.parseInt(fields[1]);
        int r = Integer.parseInt(fields[3]);
        int p = Integer.parseInt(fields[4]);
        if (n < 2
                || n > MAX_SCRYPT_N
                || Integer.bitCount(n) != 1
                || r < 1
                || r > MAX_SCRYPT_R
                || p < 1
                || p > MAX_SCRYPT_P) {
            return false;
        }
        byte[] expected = BASE64.decode(fields[5]);
        byte[] actual =
                SCrypt.generate(utf8(password), fields[2].getBytes(StandardCharsets.UTF_8), n, r, p, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** The password as typed, in UTF-8 (Django's {@code force_bytes}). */
    private static byte[] utf8(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }
}
