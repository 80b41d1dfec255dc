package dev.restauth.users.control;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.PasswordHash;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password hashing: Argon2id at OWASP's parameters, stored as a PHC string
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}). It also verifies the hashes a Django project
 * stores (pbkdf2_sha256, pbkdf2_sha1, argon2, bcrypt_sha256, scrypt) so imported users can log in
 * with the password they had; {@link #needsRehash} tells the caller to upgrade them. Django hashes
 * the password as typed, so those are checked against the raw password, never its NFKC form. Jakarta Security's default PBKDF2 (2,048
 * iterations) is never used.
 */
@ApplicationScoped
public class Passwords implements PasswordHash {

    private static final String ARGON2ID = "$argon2id$";
    private static final String DJANGO_ARGON2 = "argon2$argon2";
    private static final String DJANGO_PBKDF2 = "pbkdf2_sha";
    private static final String DJANGO_BCRYPT_SHA256 = "bcrypt_sha256$";
    private static final String DJANGO_SCRYPT = "scrypt$";
    /** Django's unusable password ({@code set_unusable_password}): "!" and random characters. */
    public static final String UNUSABLE_PREFIX = "!";

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder PHC_BASE64 = Base64.getEncoder().withoutPadding();

    @Inject
    @ConfigProperty(name = "passwords.argon2.memory-kib", defaultValue = "19456")
    int memoryKib;

    @Inject
    @ConfigProperty(name = "passwords.argon2.iterations", defaultValue = "2")
    int iterations;

    @Inject
    @ConfigProperty(name = "passwords.argon2.parallelism", defaultValue = "1")
    int parallelism;

    @Inject
    MeterRegistry meters;

    /** Null until registered: unit tests build this class with new. */
    private Timer hashing;

    private final SecureRandom random = new SecureRandom();
    private final LongAdder dummyVerifications = new LongAdder();
    private volatile String dummyHash;

    @PostConstruct
    void registerMeters() {
        // Buckets around OWASP's Argon2id cost (tens of ms on one core) up to a queue-bound second.
        hashing = Timer.builder("restauth.password.hash")
                .description("Time to hash or verify one password (Argon2id, or Django's PBKDF2 for imported users)")
                .serviceLevelObjectives(
                        Duration.ofMillis(10),
                        Duration.ofMillis(25),
                        Duration.ofMillis(50),
                        Duration.ofMillis(100),
                        Duration.ofMillis(250),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1))
                .register(meters);
    }

    @Override
    public String generate(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        long started = System.nanoTime();
        byte[] hash = HashFormats.argon2(normalized(password), salt, memoryKib, iterations, parallelism, HASH_BYTES);
        timed(started);
        return currentPrefix() + PHC_BASE64.encodeToString(salt) + "$" + PHC_BASE64.encodeToString(hash);
    }

    @Override
    public boolean verify(char[] password, String hashed) {
        if (hashed == null) {
            return false;
        }
        long started = System.nanoTime();
        try {
            return verifyKnownFormat(password, hashed);
        } finally {
            timed(started);
        }
    }

    private boolean verifyKnownFormat(char[] password, String hashed) {
        try {
            if (hashed.startsWith(ARGON2ID)) {
                return HashFormats.verifyArgon2(normalized(password), hashed);
            }
            if (hashed.startsWith(DJANGO_ARGON2)) {
                // Django hashes the password as given, without normalizing it.
                return HashFormats.verifyArgon2(HashFormats.utf8(password), hashed.substring("argon2".length()));
            }
            if (hashed.startsWith(DJANGO_PBKDF2)) {
                return HashFormats.verifyDjangoPbkdf2(password, hashed);
            }
            if (hashed.startsWith(DJANGO_BCRYPT_SHA256)) {
                return HashFormats.verifyDjangoBcryptSha256(password, hashed);
            }
            if (hashed.startsWith(DJANGO_SCRYPT)) {
                return HashFormats.verifyDjangoScrypt(password, hashed);
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException malformedHash) {
            return false;
        }
        return false;
    }

    private void timed(long startedNanos) {
        if (hashing != null) {
            hashing.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Whether a hash from a Django database is one this class can verify (by its algorithm
     * prefix) or Django's unusable password; an import stores such hashes as they are and checks
     * them only at login, so that importing 100,000 users costs no hashing at all.
     */
    public static boolean isDjangoHash(String hashed) {
        return hashed != null
                && hashed.length() <= MAX_STORED_LENGTH
                && (hashed.startsWith(UNUSABLE_PREFIX)
                        || hashed.startsWith(DJANGO_ARGON2)
                        || hashed.startsWith(DJANGO_PBKDF2)
                        || hashed.startsWith(DJANGO_BCRYPT_SHA256)
                        || hashed.startsWith(DJANGO_SCRYPT));
    }

    /** The password_hash column's width. */
    public static final int MAX_STORED_LENGTH = 255;

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

    /** NFKC, so that the same password typed on different keyboards hashes the same (NIST 800-63B). */
    private static byte[] normalized(char[] password) {
        return Normalizer.normalize(CharBuffer.wrap(password), Normalizer.Form.NFKC)
                .getBytes(StandardCharsets.UTF_8);
    }
}
