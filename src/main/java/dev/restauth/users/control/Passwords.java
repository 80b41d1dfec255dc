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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password hashing: Argon2id at OWASP's parameters, stored as a PHC string
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}). It also verifies the hashes a Django project
 * stores (pbkdf2_sha256, pbkdf2_sha1, argon2, bcrypt_sha256, scrypt) so imported users can log in
 * with the password they had ({@link DjangoHashes}); {@link #needsRehash} tells the caller to
 * upgrade them. Jakarta Security's default PBKDF2 (2,048 iterations) is never used.
 */
@ApplicationScoped
public class Passwords implements PasswordHash {

    private static final String ARGON2ID = "$argon2id$";
    /** Django's unusable password ({@code set_unusable_password}): "!" and random characters. */
    public static final String UNUSABLE_PREFIX = "!";

    private static final int SALT_BYTES = 16;

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
        hashing = PasswordHashTimer.register(meters);
    }

    @Override
    public String generate(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        long started = System.nanoTime();
        String hash = Argon2Hashes.phc(normalized(password), salt, memoryKib, iterations, parallelism);
        timed(started);
        return hash;
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
            return hashed.startsWith(ARGON2ID)
                    ? Argon2Hashes.verify(normalized(password), hashed)
                    : DjangoHashes.verify(password, hashed);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException malformedHash) {
            return false;
        }
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
                && (hashed.startsWith(UNUSABLE_PREFIX) || DjangoHashes.recognizes(hashed));
    }

    /** The password_hash column's width. */
    public static final int MAX_STORED_LENGTH = 255;

    /** True for anything but an Argon2id hash at the configured parameters. */
    public boolean needsRehash(String hashed) {
        return hashed == null || !hashed.startsWith(Argon2Hashes.prefix(memoryKib, iterations, parallelism));
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

    /** NFKC, so that the same password typed on different keyboards hashes the same (NIST 800-63B). */
    private static byte[] normalized(char[] password) {
        return Normalizer.normalize(CharBuffer.wrap(password), Normalizer.Form.NFKC)
                .getBytes(StandardCharsets.UTF_8);
    }
}
