package dev.restauth.users.control;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The stored hash formats: our Argon2id PHC strings, and those a Django project stores (2.2 to
 * 5.2): pbkdf2_sha256, pbkdf2_sha1, argon2 (argon2i and argon2id), bcrypt_sha256 and scrypt. Each
 * layout is Django's {@code hashers.py}; only the parameters vary between versions.
 */
final class HashFormats {

    private static final Base64.Decoder BASE64 = Base64.getDecoder();

    /*
     * Upper bounds on the parameters a stored hash may ask for: an imported file is an
     * administrator's, but a hash demanding gigabytes or hours must not turn a login into a DoS.
     * Each is well above what any Django version writes.
     */
    private static final int MAX_PBKDF2_ITERATIONS = 10_000_000;
    private static final int MAX_ARGON2_MEMORY_KIB = 1 << 20;
    private static final int MAX_ARGON2_ITERATIONS = 64;
    private static final int MAX_ARGON2_LANES = 64;
    private static final int MAX_BCRYPT_COST = 16;
    private static final int MAX_SCRYPT_N = 1 << 20;
    private static final int MAX_SCRYPT_R = 32;
    private static final int MAX_SCRYPT_P = 16;

    private HashFormats() {}

    /** {@code $argon2id$v=19$m=…,t=…,p=…$salt$hash} (or argon2i), unpadded standard base64. */
    static boolean verifyArgon2(byte[] password, String phc) {
        String[] fields = phc.split("\\$");
        if (fields.length != 6 || !"v=19".equals(fields[2])) {
            return false;
        }
        int type;
        switch (fields[1]) {
            case "argon2id" -> type = Argon2Parameters.ARGON2_id;
            case "argon2i" -> type = Argon2Parameters.ARGON2_i;
            default -> {
                return false;
            }
        }
        int memory = 0;
        int time = 0;
        int lanes = 0;
        for (String parameter : fields[3].split(",")) {
            String[] pair = parameter.split("=", 2);
            int value = Integer.parseInt(pair[1]);
            switch (pair[0]) {
                case "m" -> memory = value;
                case "t" -> time = value;
                case "p" -> lanes = value;
                default -> {
                    return false;
                }
            }
        }
        byte[] salt = BASE64.decode(fields[4]);
        byte[] expected = BASE64.decode(fields[5]);
        if (memory > MAX_ARGON2_MEMORY_KIB || time > MAX_ARGON2_ITERATIONS || lanes > MAX_ARGON2_LANES) {
            return false;
        }
        byte[] actual = argon2(type, password, salt, memory, time, lanes, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Django's {@code pbkdf2_sha256$<iterations>$<salt>$<base64 key>} (and pbkdf2_sha1). */
    static boolean verifyDjangoPbkdf2(char[] password, String hashed) {
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
     * Django's {@code bcrypt_sha256$$2b$12$…}: bcrypt of the hex SHA-256 of the password, so that
     * bcrypt's 72-byte limit does not cut long passwords.
     */
    static boolean verifyDjangoBcryptSha256(char[] password, String hashed) {
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

    /** Django's (4.0+) {@code scrypt$<n>$<salt>$<r>$<p>$<base64 of the 64-byte key>}. */
    static boolean verifyDjangoScrypt(char[] password, String hashed) {
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

    static byte[] argon2(byte[] password, byte[] salt, int memory, int time, int lanes, int length) {
        return argon2(Argon2Parameters.ARGON2_id, password, salt, memory, time, lanes, length);
    }

    static byte[] argon2(int type, byte[] password, byte[] salt, int memory, int time, int lanes, int length) {
        var parameters = new Argon2Parameters.Builder(type)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory)
                .withIterations(time)
                .withParallelism(lanes)
                .withSalt(salt)
                .build();
        var generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] hash = new byte[length];
        generator.generateBytes(password, hash);
        Arrays.fill(password, (byte) 0);
        return hash;
    }

    static byte[] utf8(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }
}
