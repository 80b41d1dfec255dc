package dev.restauth.users.control;

import dev.restauth.audit.control.Audit;
import dev.restauth.audit.entity.AuditEvent.Type;
import dev.restauth.platform.control.ClientAddress;
import dev.restauth.platform.control.OutcomeCounter;
import dev.restauth.platform.entity.RequestOrigin;
import dev.restauth.throttling.control.LoginThrottle;
import dev.restauth.users.entity.User;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Checks a username and password against the users table: the one place every password is
 * checked, throttled and audited. Unknown, inactive and wrong-password callers are
 * indistinguishable: same answer, and the same cost, because the first two pay a dummy hash
 * verification. As an {@link IdentityStore} it keeps the default validation types (validate and
 * provide groups): the container ignores the roles of a store that does not also provide groups.
 *
 * <p>A check has three steps, and only the middle one runs on the {@link HashingExecutor}: the
 * throttle and the user's row are read on the caller's thread; the hash alone takes a hashing
 * thread; counting a failure, the audit line and a rehashed password's update follow on a managed
 * thread. A slow or unreachable database therefore never holds a hashing thread. The request's
 * origin is passed along, because the last step no longer runs on the request's thread.
 */
@ApplicationScoped
public class UserIdentityStore implements IdentityStore {

    private static final Logger LOG = System.getLogger(UserIdentityStore.class.getName());

    @Inject
    UserStore users;

    @Inject
    Passwords passwords;

    @Inject
    PasswordRules passwordRules;

    @Inject
    HashingExecutor hashing;

    @Inject
    LoginThrottle throttle;

    @Inject
    Audit audit;

    @Inject
    ClientAddress clients;

    @Inject
    MeterRegistry meters;

    private OutcomeCounter<PasswordCheck> checks = OutcomeCounter.none();
    private OutcomeCounter<PasswordCheck> logins = OutcomeCounter.none();

    @PostConstruct
    void registerMeters() {
        checks = PasswordCheck.checks(meters);
        logins = PasswordCheck.logins(meters);
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential given)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return authenticate(given.getCaller(), given.getPassword().getValue(), clients.origin())
                .map(user -> new CredentialValidationResult(user.username(), user.roles()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    /**
     * A login (the token endpoints, a password change): the active user with this password, and
     * an audit line whatever the outcome. The caller's thread is free while the password is
     * checked.
     *
     * @return the user, or empty for a wrong password; completed on a managed thread, or
     *     failed with 503 when no hashing thread was free in time
     * @throws dev.restauth.errors.control.ApiError 429 while the username or client is throttled,
     *     503 when the hashing queue is full
     */
    public CompletionStage<Optional<User>> login(String username, char[] password, RequestOrigin origin) {
        try {
            Check check = prepare(username, password, origin);
            CompletionStage<Verdict> verdict;
            if (!check.needsHash()) {
                verdict = CompletableFuture.completedFuture(Verdict.WRONG);
            } else {
                try {
                    verdict = hashing.submit(() -> verify(check, password));
                } catch (RuntimeException busy) {
                    check.attempt().abandoned();
                    throw busy;
                }
            }
            return verdict.handle((found, failure) -> finish(check, found, failure, true))
                    .whenComplete((user, failure) -> count(
                            failure == null ? PasswordCheck.of(user.isPresent()) : PasswordCheck.of(unwrap(failure)),
                            logins,
                            checks));
        } catch (RuntimeException failure) {
            count(PasswordCheck.of(failure), logins, checks);
            throw failure;
        }
    }

    /**
     * A request's own credentials (HTTP Basic): not a login, so a success is not audited (that
     * would be a line per request); a failure is, and counts for throttling, like any other. The
     * caller's thread waits for the check (the authentication mechanism cannot let go of it).
     *
     * @throws dev.restauth.errors.control.ApiError 429 while the username or client is throttled,
     *     503 when no hashing thread was free in time
     */
    public Optional<User> authenticate(String username, char[] password, RequestOrigin origin) {
        Optional<User> user;
        try {
            Check check = prepare(username, password, origin);
            Verdict verdict;
            try {
                verdict = check.needsHash() ? hashing.await(() -> verify(check, password)) : Verdict.WRONG;
            } catch (RuntimeException busy) {
                check.attempt().abandoned();
                throw busy;
            }
            user = finish(check, verdict, null, false);
        } catch (RuntimeException failure) {
            count(PasswordCheck.of(failure), checks);
            throw failure;
        }
        count(PasswordCheck.of(user.isPresent()), checks);
        return user;
    }

    /** Before the hash, on the caller's thread: the throttle, and the user's row. */
    private Check prepare(String username, char[] password, RequestOrigin origin) {
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
    private Verdict verify(Check check, char[] password) {
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

    /** After the hash, on a managed thread: count, audit, store an upgraded hash. */
    private Optional<User> finish(Check check, Verdict verdict, Throwable failure, boolean login) {
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

    @SafeVarargs
    private static void count(PasswordCheck outcome, OutcomeCounter<PasswordCheck>... counters) {
        for (OutcomeCounter<PasswordCheck> counter : counters) {
            counter.count(outcome);
        }
    }

    private static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure instanceof CompletionException wrapped && wrapped.getCause() != null
                ? wrapped.getCause()
                : failure;
        return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
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
    private record Check(
            String username, RequestOrigin origin, LoginThrottle.Attempt attempt, User user, boolean needsHash) {}

    /** The hash's outcome, and the password hashed anew when the stored hash was outdated. */
    private record Verdict(boolean matches, String upgradedHash) {
        static final Verdict WRONG = new Verdict(false, null);
    }
}
