package dev.restauth.users.control;

import dev.restauth.audit.control.Audit;
import dev.restauth.audit.entity.AuditEvent.Type;
import dev.restauth.platform.control.OutcomeCounter;
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

/**
 * Checks a username and password against the users table: the one place every password is
 * checked, throttled and audited. Unknown, inactive and wrong-password callers are
 * indistinguishable: same answer, and the same cost, because the first two pay a dummy hash
 * verification. As an {@link IdentityStore} it keeps the default validation types (validate and
 * provide groups): the container ignores the roles of a store that does not also provide groups.
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
    HashingBulkhead bulkhead;

    @Inject
    LoginThrottle throttle;

    @Inject
    Audit audit;

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
        return authenticate(given.getCaller(), given.getPassword().getValue())
                .map(user -> new CredentialValidationResult(user.username(), user.roles()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    /**
     * A login (the token endpoints, a password change): the active user with this password, and
     * an audit line whatever the outcome.
     *
     * @throws dev.restauth.errors.control.ApiError 429 while the username or client is throttled
     */
    public Optional<User> login(String username, char[] password) {
        Optional<User> user;
        try {
            user = authenticate(username, password);
        } catch (RuntimeException failure) {
            logins.count(PasswordCheck.of(failure));
            throw failure;
        }
        logins.count(PasswordCheck.of(user.isPresent()));
        user.ifPresent(found -> audit.record(Type.LOGIN_SUCCEEDED, username, null));
        return user;
    }

    /**
     * A request's own credentials (HTTP Basic): not a login, so a success is not audited (that
     * would be a line per request); a failure is, and counts for throttling, like any other.
     *
     * @throws dev.restauth.errors.control.ApiError 429 while the username or client is throttled
     */
    public Optional<User> authenticate(String username, char[] password) {
        Optional<User> checked;
        try {
            checked = bulkhead.run(() -> {
                throttle.check(username);
                Optional<User> user = check(username, password);
                if (user.isEmpty()) {
                    throttle.failed(username);
                    audit.record(Type.LOGIN_FAILED, username, null);
                }
                return user;
            });
        } catch (RuntimeException failure) {
            checks.count(PasswordCheck.of(failure));
            throw failure;
        }
        checks.count(PasswordCheck.of(checked.isPresent()));
        return checked;
    }

    private Optional<User> check(String username, char[] password) {
        if (password == null || password.length > passwordRules.maxLength()) {
            // Refused before any lookup, for every username alike: hashing megabytes is a DoS.
            return Optional.empty();
        }
        Optional<User> user = UsernameRules.isValid(username) ? users.findByUsername(username) : Optional.empty();
        if (user.isEmpty() || !user.get().isActive()) {
            passwords.verifyAgainstDummy(password);
            return Optional.empty();
        }
        if (!passwords.verify(password, user.get().passwordHash())) {
            return Optional.empty();
        }
        if (passwords.needsRehash(user.get().passwordHash())) {
            String upgraded = passwords.generate(password);
            users.update(username, found -> found.rehashPassword(upgraded));
            LOG.log(Level.INFO, "Upgraded the password hash of user {0} to the current Argon2id parameters", username);
        }
        return user;
    }
}
