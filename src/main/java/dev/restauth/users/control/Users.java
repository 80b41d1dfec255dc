package dev.restauth.users.control;

import dev.restauth.audit.control.Audit;
import dev.restauth.audit.entity.AuditEvent.Type;
import dev.restauth.errors.control.DatabaseFailures;
import dev.restauth.errors.control.FieldErrors;
import dev.restauth.platform.control.ClientAddress;
import dev.restauth.users.entity.NewUser;
import dev.restauth.users.entity.PageRequest;
import dev.restauth.users.entity.TokensRevoked;
import dev.restauth.users.entity.User;
import dev.restauth.users.entity.UserChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Creating, changing and removing users. Whatever ends a user's sessions (a new password,
 * deactivation, removal, logout-all) raises their watermark and says so through {@link
 * TokenRevocations}, so that the token components drop what they hold. A caller's change of their
 * own password is {@link PasswordChanges}.
 */
@ApplicationScoped
public class Users {

    @Inject
    UserStore store;

    @Inject
    UserRequests requests;

    @Inject
    Passwords passwords;

    @Inject
    HashingExecutor hashing;

    @Inject
    TokenRevocations revocations;

    @Inject
    Audit audit;

    @Inject
    ClientAddress clients;

    @Inject
    Clock clock;

    /** Django's {@code create_user}: the username NFKC-normalized, then checked and stored. */
    public User create(NewUser request) {
        String username = UsernameRules.normalize(request.username());
        requests.check(new NewUser(username, request.password(), request.roles()));
        if (store.findByUsername(username).isPresent()) {
            throw FieldErrors.of("username", UserRequests.DUPLICATE);
        }
        String hash = hash(request.password());
        List<String> roles = request.roles() == null ? List.of() : request.roles();
        try {
            return store.add(new User(username, hash, roles, clock.instant()));
        } catch (PersistenceException e) {
            if (DatabaseFailures.isUniqueViolation(e)) {
                throw FieldErrors.of("username", UserRequests.DUPLICATE); // lost a race with a concurrent create
            }
            throw e;
        }
    }

    public User find(String username) {
        return (UsernameRules.isValid(username) ? store.findByUsername(username) : Optional.<User>empty())
                .orElseThrow(NotFoundException::new);
    }

    public List<User> all() {
        return store.all();
    }

    /** Every user, or only those whose username or a role contains each of the search's terms. */
    public List<User> search(String search) {
        List<String> terms = requests.searchTerms(search);
        return terms.isEmpty() ? store.all() : store.search(terms);
    }

    /** One page of {@link #search(String)}'s results. */
    public List<User> search(String search, PageRequest page) {
        return store.search(requests.searchTerms(search), page.offset(), page.limit());
    }

    /** How many users {@link #search(String)} finds. */
    public long count(String search) {
        return store.count(requests.searchTerms(search));
    }

    /** An administrator's change; a password given is a reset, which ends the user's sessions. */
    public User change(String username, UserChanges changes, String administrator) {
        requests.check(changes);
        find(username);
        String hash = changes.password() == null ? null : hash(changes.password());
        Instant now = clock.instant();
        User changed = store.update(username, user -> {
                    if (changes.roles() != null) {
                        user.replaceRoles(changes.roles());
                    }
                    if (changes.active() != null) {
                        user.setActive(changes.active(), now);
                    }
                    if (hash != null) {
                        user.changePassword(hash, now);
                    }
                })
                .orElseThrow(NotFoundException::new);
        if (hash != null) {
            audit.record(Type.PASSWORD_CHANGED, username, "reset by " + administrator);
            revocations.revoked(changed, TokensRevoked.Reason.PASSWORD_CHANGED, clients.origin());
        }
        if (Boolean.FALSE.equals(changes.active())) {
            revocations.revoked(changed, TokensRevoked.Reason.DEACTIVATED, clients.origin());
        }
        return changed;
    }

    public void remove(String username) {
        find(username);
        store.remove(username)
                .ifPresent(removed -> revocations.revoked(removed, TokensRevoked.Reason.REMOVED, clients.origin()));
    }

    /** Every session of the user ends: refresh families revoked, access tokens below the watermark. */
    public void logoutAll(String username) {
        Instant now = clock.instant();
        store.update(username, user -> user.revokeTokens(now))
                .ifPresent(user -> revocations.revoked(user, TokensRevoked.Reason.LOGOUT_ALL, clients.origin()));
    }

    /**
     * An administrator's new password: hashed on a hashing thread while the request's thread
     * waits, as Basic's check does (administrators only, and the hashing queue bounds the wait).
     */
    private String hash(String password) {
        return hashing.await(() -> passwords.generate(password.toCharArray()));
    }
}
