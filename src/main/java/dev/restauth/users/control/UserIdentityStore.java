package dev.restauth.users.control;

import dev.restauth.platform.control.ClientAddress;
import dev.restauth.platform.control.OutcomeCounter;
import dev.restauth.platform.entity.RequestOrigin;
import dev.restauth.users.control.PasswordCheckSteps.Check;
import dev.restauth.users.control.PasswordCheckSteps.Verdict;
import dev.restauth.users.entity.User;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
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
 * thread ({@link PasswordCheckSteps}). A slow or unreachable database therefore never holds a
 * hashing thread. The request's origin is passed along, because the last step no longer runs on
 * the request's thread.
 */
@ApplicationScoped
public class UserIdentityStore implements IdentityStore {

    @Inject
    PasswordCheckSteps steps;

    @Inject
    HashingExecutor hashing;

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
            Check check = steps.prepare(username, password, origin);
            CompletionStage<Verdict> verdict;
            if (!check.needsHash()) {
                verdict = CompletableFuture.completedFuture(Verdict.WRONG);
            } else {
                try {
                    verdict = hashing.submit(() -> steps.verify(check, password));
                } catch (RuntimeException busy) {
                    check.attempt().abandoned();
                    throw busy;
                }
            }
            return verdict.handle((found, failure) -> steps.finish(check, found, failure, true))
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
            Check check = steps.prepare(username, password, origin);
            Verdict verdict;
            try {
                verdict = check.needsHash() ? hashing.await(() -> steps.verify(check, password)) : Verdict.WRONG;
            } catch (RuntimeException busy) {
                check.attempt().abandoned();
                throw busy;
            }
            user = steps.finish(check, verdict, null, false);
        } catch (RuntimeException failure) {
            count(PasswordCheck.of(failure), checks);
            throw failure;
        }
        count(PasswordCheck.of(user.isPresent()), checks);
        return user;
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
}
