package dev.restauth.users.control;

import dev.restauth.audit.control.TestAudits;
import dev.restauth.audit.entity.AuditEvent;
import dev.restauth.platform.control.ClientAddress;
import dev.restauth.platform.control.OwedAnswers;
import dev.restauth.throttling.control.TestThrottles;
import dev.restauth.users.entity.User;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A {@link UserIdentityStore} as CDI wires it, over {@link InMemoryUsers}, with cheap Argon2
 * parameters and the throttle off; audit events land in a list.
 */
public final class TestIdentityStores {

    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "test-hashing-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    private TestIdentityStores() {}

    /** Fast to hash: a unit test checks the rules around the hash, not its cost. */
    public static Passwords cheapPasswords() {
        Passwords passwords = new Passwords();
        passwords.memoryKib = 1024;
        passwords.iterations = 1;
        passwords.parallelism = 1;
        return passwords;
    }

    public static UserIdentityStore over(InMemoryUsers users, List<AuditEvent> audited) {
        UserIdentityStore store = new UserIdentityStore();
        store.steps = new PasswordCheckSteps();
        store.steps.users = users;
        store.steps.passwords = cheapPasswords();
        store.steps.passwordRules = new PasswordRules();
        store.steps.passwordRules.minLength = 8;
        store.steps.passwordRules.maxLength = 1024;
        store.steps.throttle = TestThrottles.off();
        store.steps.audit = TestAudits.into(audited);
        store.hashing = hashing();
        store.clients = new ClientAddress();
        return store;
    }

    /**
     * A {@link HashingExecutor} outside the container: one hashing thread, and the caller's next
     * steps on the thread that completes them.
     */
    public static HashingExecutor hashing() {
        HashingExecutor hashing = new HashingExecutor();
        hashing.concurrency = 1;
        hashing.queuePerCore = 16;
        hashing.maxWait = Duration.ofSeconds(5);
        hashing.threadFactory = work -> {
            Thread thread = new Thread(work);
            thread.setDaemon(true);
            return thread;
        };
        hashing.deadlines = DEADLINES;
        hashing.continuations = Runnable::run;
        hashing.answers = new OwedAnswers(Runnable::run);
        hashing.init();
        return hashing;
    }

    /** The user's password, hashed as a login checks it. */
    public static User withPassword(User user, String password) {
        user.rehashPassword(cheapPasswords().generate(password.toCharArray()));
        return user;
    }
}
