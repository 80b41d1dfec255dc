package dev.restauth.users.control;

import dev.restauth.audit.control.Audit;
import dev.restauth.audit.entity.AuditEvent.Type;
import dev.restauth.throttling.control.LoginThrottle;
import dev.restauth.throttling.control.Throttled;
import dev.restauth.users.entity.User;
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
 * Checks a username and password against the users table, for Basic and for every login
 * endpoint. It keeps the default validation types (validate and provide groups): the container
 * ignores the roles in a validation result from a store that does not also provide groups.
 * Unknown, inactive and wrong-password callers are indistinguishable: same answer, and the same
 * cost, because the first two pay a dummy hash verification.
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
     * The active user with this password, upgrading an outdated hash on the way. Throttled callers
     * are refused before the password is looked at; every outcome is audited.
     *
     * @throws dev.restauth.throttling.control.Throttled while the username or client is throttled
     */
    public Optional<User> authenticate(String username, char[] password) {
        return bulkhead.run(() -> {
            try {
                throttle.check(username);
            } catch (Throttled throttled) {
                audit.record(Type.LOGIN_THROTTLED, username, throttled.getMessage());
                throw throttled;
            }
            Optional<User> user = check(username, password);
            if (user.isEmpty()) {
                throttle.failed(username);
                audit.record(Type.LOGIN_FAILED, username, null);
            } else {
                audit.record(Type.LOGIN_SUCCEEDED, username, null);
            }
            return user;
        });
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
