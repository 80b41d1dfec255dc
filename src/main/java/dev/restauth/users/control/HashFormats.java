package dev.restauth.users.control;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** The stored hash formats: our Argon2id PHC strings, and the two a Django project stores. */
final class HashFormats {

    private static final Base64.Decoder BASE64 = Base64.getDecoder();

    private HashFormats() {}

    /** {@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}, unpadded standard base64. */
    static boolean verifyArgon2(byte[] password, String phc) {
        String[] fields = phc.split("\\$");
        if (fields.length != 6 || !"v=19".equals(fields[2])) {
            return false;
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
        byte[] actual = argon2(password, salt, memory, time, lanes, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Django's {@code pbkdf2_sha256$<iterations>$<salt>$<base64 of the 32-byte key>}. */
    static boolean verifyDjangoPbkdf2(char[] password, String hashed) {
        String[] fields = hashed.split("\\$", 4);
        if (fields.length != 4) {
            return false;
        }
        int rounds = Integer.parseInt(fields[1]);
        byte[] expected = BASE64.decode(fields[3]);
        try {
            var spec =
                    new PBEKeySpec(password, fields[2].getBytes(StandardCharsets.UTF_8), rounds, expected.length * 8);
            byte[] actual = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
            return MessageDigest.isEqual(expected, actual);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", unavailable);
        }
    }

    static byte[] argon2(byte[] password, byte[] salt, int memory, int time, int lanes, int length) {
        var parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
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
