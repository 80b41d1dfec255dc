package dev.restauth.users.control;

import dev.restauth.errors.control.FieldErrors;
import dev.restauth.platform.entity.RequestOrigin;
import dev.restauth.users.entity.PasswordChange;
import dev.restauth.users.entity.TokensRevoked;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.CompletionStage;

/**
 * A caller's change of their own password (an administrator's reset is {@link Users#change}). Its
 * own class because it is the one user change that is a login too: the old password is checked
 * like any other (throttled, audited), and both hashes run without holding the caller's thread.
 */
@ApplicationScoped
public class PasswordChanges {

    static final String WRONG_OLD_PASSWORD = "Your old password was entered incorrectly. Please enter it again.";

    @Inject
    UserStore store;

    @Inject
    UserRequests requests;

    @Inject
    Passwords passwords;

    @Inject
    HashingExecutor hashing;

    @Inject
    UserIdentityStore identityStore;

    @Inject
    TokenRevocations revocations;

    @Inject
    Clock clock;

    /** The caller proves they know the current password; every token they hold dies with it. */
    public CompletionStage<Void> change(String username, PasswordChange change, RequestOrigin origin) {
        requests.check(change);
        return identityStore
                .login(username, change.oldPassword().toCharArray(), origin)
                .thenCompose(user -> {
                    if (user.isEmpty()) {
                        throw FieldErrors.of("old_password", WRONG_OLD_PASSWORD);
                    }
                    return hashing.submit(
                            () -> passwords.generate(change.newPassword().toCharArray()));
                })
                .thenAccept(hash -> store.update(username, user -> user.changePassword(hash, clock.instant()))
                        .ifPresent(user -> revocations.revoked(user, TokensRevoked.Reason.PASSWORD_CHANGED, origin)));
    }
}
