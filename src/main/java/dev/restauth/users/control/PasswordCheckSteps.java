package dev.restauth.users.control;

import dev.restauth.audit.control.Audit;
import dev.restauth.audit.entity.AuditEvent.Type;
import dev.restauth.platform.entity.RequestOrigin;
import dev.restauth.throttling.control.LoginThrottle;
import dev.restauth.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * The three steps of a password check, each on its own kind of thread, apart from the {@link
 * UserIdentityStore} that chooses the threads: {@link #prepare} (the throttle and the user's row)
 * on the caller's thread, {@link #verify} (the hash alone, CPU only) on a hashing thread, and
 * {@link #finish} (counting a failure, the audit line, a rehashed password's update) on a managed
 * thread. Only the middle step may run on a hashing thread, so that a slow or unreachable database
 * never holds one.
 */
@ApplicationScoped
public class PasswordCheckSteps {

    private static final Logger LOG = System.getLogger(PasswordCheckSteps.class.getName());

    @Inject
    UserStore users;

    @Inject
    Passwords passwords;

    @Inject
    PasswordRules passwordRules;

    @Inject
    LoginThrottle throttle;

    @Inject
    Audit audit;

    /** Before the hash, on the caller's thread: the throttle, and the user's row. */
    Check prepare(String username, char[] password, RequestOrigin origin) {
        LoginThrottle.Attempt attempt = throttle.begin(username, origin);
        try {
            if (password == null || password.length > passwordRules.maxLength()) {
                // Refused before any lookup, for every username alike: hashing megabytes is a DoS.
                return new Check(username, origin, attempt, null, false);
            }
            Optional<User> user = UsernameRules.isValid(username) ? users.findByUsername(username) : Optional.empty();
            return new Check(
                    username, origin, attempt, user.filter(User::isActive).orElse(null), true);
        } catch (RuntimeException failure) {
            attempt.abandoned();
            throw failure;
        }
    }

    /** The hash itself, on a hashing thread: CPU only, no database. */
    Verdict verify(Check check, char[] password) {
        if (check.user() == null) {
            passwords.verifyAgainstDummy(password);
            return Verdict.WRONG;
        }
        String stored = check.user().passwordHash();
        if (!passwords.verify(password, stored)) {
            return Verdict.WRONG;
        }
        return new Verdict(true, passwords.needsRehash(stored) ? passwords.generate(password) : null);
    }

    /**
     * After the hash, on a managed thread: count, audit, store an upgraded hash. A success is
     * audited only for a {@code login}: a request's own credentials (Basic) would make a line per
     * request.
     */
    Optional<User> finish(Check check, Verdict verdict, Throwable failure, boolean login) {
        if (failure != null) {
            check.attempt().abandoned();
            throw failure instanceof CompletionException wrapped && wrapped.getCause() != null
                    ? asRuntime(wrapped.getCause())
                    : asRuntime(failure);
        }
        if (!verdict.matches()) {
            check.attempt().failed();
            audit.record(Type.LOGIN_FAILED, check.username(), null, check.origin());
            return Optional.empty();
        }
        check.attempt().succeeded();
        User user = check.user();
        if (verdict.upgradedHash() != null) {
            users.update(user.username(), found -> found.rehashPassword(verdict.upgradedHash()));
            LOG.log(
                    Level.INFO,
                    "Upgraded the password hash of user {0} to the current Argon2id parameters",
                    user.username());
        }
        if (login) {
            audit.record(Type.LOGIN_SUCCEEDED, check.username(), null, check.origin());
        }
        return Optional.of(user);
    }

    private static RuntimeException asRuntime(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new CompletionException(failure);
    }

    /** What the steps around the hash share; {@code user} is null when the dummy hash is due. */
    record Check(String username, RequestOrigin origin, LoginThrottle.Attempt attempt, User user, boolean needsHash) {}

    /** The hash's outcome, and the password hashed anew when the stored hash was outdated. */
    record Verdict(boolean matches, String upgradedHash) {
        static final Verdict WRONG = new Verdict(false, null);
    }
}
