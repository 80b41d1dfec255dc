package dev.restauth.users.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.PasswordHash;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password hashing: Argon2id at OWASP's parameters, stored as a PHC string
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}). It also verifies the hashes a Django project
 * stores ({@code pbkdf2_sha256$…} and {@code argon2$argon2id$…}) so imported users can log in;
 * {@link #needsRehash} tells the caller to upgrade them. Jakarta Security's default PBKDF2 (2,048
 * iterations) is never used.
 */
@ApplicationScoped
public class Passwords implements PasswordHash {

    private static final String ARGON2ID = "$argon2id$";
    private static final String DJANGO_ARGON2 = "argon2$argon2id$";
    private static final String DJANGO_PBKDF2 = "pbkdf2_sha256$";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder PHC_BASE64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder BASE64 = Base64.getDecoder();

    @Inject
    @ConfigProperty(name = "passwords.argon2.memory-kib", defaultValue = "19456")
    int memoryKib;

    @Inject
    @ConfigProperty(name = "passwords.argon2.iterations", defaultValue = "2")
    int iterations;

    @Inject
    @ConfigProperty(name = "passwords.argon2.parallelism", defaultValue = "1")
    int parallelism;

    private final SecureRandom random = new SecureRandom();
    private final LongAdder dummyVerifications = new LongAdder();
    private volatile String dummyHash;

    @Override
    public String generate(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(normalized(password), salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return currentPrefix() + PHC_BASE64.encodeToString(salt) + "$" + PHC_BASE64.encodeToString(hash);
    }

    @Override
    public boolean verify(char[] password, String hashed) {
        if (hashed == null) {
            return false;
        }
        try {
            if (hashed.startsWith(ARGON2ID)) {
                return verifyArgon2(normalized(password), hashed);
            }
            if (hashed.startsWith(DJANGO_ARGON2)) {
                // Django hashes the password as given, without normalizing it.
                return verifyArgon2(utf8(password), hashed.substring("argon2".length()));
            }
            if (hashed.startsWith(DJANGO_PBKDF2)) {
                return verifyDjangoPbkdf2(password, hashed);
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException malformedHash) {
            return false;
        }
        return false;
    }

    /** True for anything but an Argon2id hash at the configured parameters. */
    public boolean needsRehash(String hashed) {
        return hashed == null || !hashed.startsWith(currentPrefix());
    }

    /**
     * Costs what a real verification costs and always fails: an unknown username must not
     * answer faster than a wrong password (account enumeration by timing).
     */
    public void verifyAgainstDummy(char[] password) {
        String dummy = dummyHash;
        if (dummy == null) {
            dummy = generate("dummy password for unknown users".toCharArray());
            dummyHash = dummy;
        }
        verify(password, dummy);
        dummyVerifications.increment();
    }

    /** How many dummy verifications ran; lets tests see that the timing defence is in place. */
    public long dummyVerifications() {
        return dummyVerifications.sum();
    }

    private String currentPrefix() {
        return ARGON2ID + "v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$";
    }

    /** {@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}, unpadded standard base64. */
    private static boolean verifyArgon2(byte[] password, String phc) {
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
    private static boolean verifyDjangoPbkdf2(char[] password, String hashed) {
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

    private static byte[] argon2(byte[] password, byte[] salt, int memory, int time, int lanes, int length) {
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

    /** NFKC, so that the same password typed on different keyboards hashes the same (NIST 800-63B). */
    private static byte[] normalized(char[] password) {
        return Normalizer.normalize(CharBuffer.wrap(password), Normalizer.Form.NFKC)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }
}
