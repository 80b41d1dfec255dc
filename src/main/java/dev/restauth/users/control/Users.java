package dev.restauth.users.control;

import dev.restauth.authentication.entity.Roles;
import dev.restauth.errors.control.FieldErrors;
import dev.restauth.users.entity.NewUser;
import dev.restauth.users.entity.PasswordChange;
import dev.restauth.users.entity.TokensRevoked;
import dev.restauth.users.entity.User;
import dev.restauth.users.entity.UserChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.NotFoundException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Creating, changing and removing users, with Django's validation messages. */
@ApplicationScoped
public class Users {

    static final String DUPLICATE = "A user with that username already exists.";
    static final String WRONG_OLD_PASSWORD = "Your old password was entered incorrectly. Please enter it again.";
    static final String INVALID_ROLE =
            "Enter a valid role: 1 to 64 letters, digits and _ . : - characters (\"authenticated\" is reserved).";
    private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final String UNIQUE_VIOLATION = "23505";

    @Inject
    UserStore store;

    @Inject
    Passwords passwords;

    @Inject
    PasswordRules passwordRules;

    @Inject
    HashingBulkhead bulkhead;

    @Inject
    UserIdentityStore identityStore;

    @Inject
    UserStatusCache statusCache;

    @Inject
    Event<TokensRevoked> tokensRevoked;

    @Inject
    Clock clock;

    public User create(NewUser request) {
        NewUser given = request == null ? new NewUser(null, null, null) : request;
        Map<String, List<String>> errors = new LinkedHashMap<>();
        checkUsername(given.username(), errors);
        checkNewPassword("password", given.password(), errors);
        List<String> roles = given.roles() == null ? List.of() : given.roles();
        checkRoles(roles, errors);
        if (!errors.isEmpty()) {
            throw new FieldErrors(errors);
        }
        if (store.findByUsername(given.username()).isPresent()) {
            throw FieldErrors.of("username", DUPLICATE);
        }
        String hash = bulkhead.run(() -> passwords.generate(given.password().toCharArray()));
        try {
            return store.add(new User(given.username(), hash, roles, clock.instant()));
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw FieldErrors.of("username", DUPLICATE); // lost a race with a concurrent create
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

    public User change(String username, UserChanges changes) {
        UserChanges given = changes == null ? new UserChanges(null, null) : changes;
        if (given.roles() != null) {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            checkRoles(given.roles(), errors);
            if (!errors.isEmpty()) {
                throw new FieldErrors(errors);
            }
        }
        find(username);
        User changed = store.update(username, user -> {
                    if (given.roles() != null) {
                        user.replaceRoles(given.roles());
                    }
                    if (Boolean.TRUE.equals(given.active())) {
                        user.activate();
                    } else if (Boolean.FALSE.equals(given.active())) {
                        user.deactivate(clock.instant());
                    }
                })
                .orElseThrow(NotFoundException::new);
        statusCache.evict(changed.id());
        if (Boolean.FALSE.equals(given.active())) {
            tokensRevoked.fire(new TokensRevoked(changed.id(), TokensRevoked.Reason.DEACTIVATED));
        }
        return changed;
    }

    public void remove(String username) {
        User removed = find(username);
        store.remove(username);
        statusCache.evict(removed.id());
        tokensRevoked.fire(new TokensRevoked(removed.id(), TokensRevoked.Reason.REMOVED));
    }

    /** The caller proves they know the current password; every token they hold dies with it. */
    public void changePassword(String username, PasswordChange change) {
        PasswordChange given = change == null ? new PasswordChange(null, null) : change;
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (given.oldPassword() == null) {
            errors.put("old_password", List.of(FieldErrors.REQUIRED));
        }
        checkNewPassword("new_password", given.newPassword(), errors);
        if (!errors.isEmpty()) {
            throw new FieldErrors(errors);
        }
        if (identityStore
                .authenticate(username, given.oldPassword().toCharArray())
                .isEmpty()) {
            throw FieldErrors.of("old_password", WRONG_OLD_PASSWORD);
        }
        String hash = bulkhead.run(() -> passwords.generate(given.newPassword().toCharArray()));
        store.update(username, user -> user.changePassword(hash, clock.instant()))
                .ifPresent(user -> {
                    statusCache.evict(user.id());
                    tokensRevoked.fire(new TokensRevoked(user.id(), TokensRevoked.Reason.PASSWORD_CHANGED));
                });
    }

    private static void checkUsername(String username, Map<String, List<String>> errors) {
        if (username == null) {
            errors.put("username", List.of(FieldErrors.REQUIRED));
        } else if (username.isBlank()) {
            errors.put("username", List.of(FieldErrors.BLANK));
        } else if (username.length() > UsernameRules.MAX_LENGTH) {
            errors.put(
                    "username",
                    List.of("Ensure this field has no more than " + UsernameRules.MAX_LENGTH + " characters."));
        } else if (!UsernameRules.isValid(username)) {
            errors.put("username", List.of(UsernameRules.INVALID));
        } else if (UsernameRules.RESERVED.equals(username)) {
            errors.put("username", List.of(DUPLICATE));
        }
    }

    private void checkNewPassword(String field, String password, Map<String, List<String>> errors) {
        if (password == null) {
            errors.put(field, List.of(FieldErrors.REQUIRED));
        } else if (password.isEmpty()) {
            errors.put(field, List.of(FieldErrors.BLANK));
        } else if (!passwordRules.problems(password).isEmpty()) {
            errors.put(field, passwordRules.problems(password));
        }
    }

    private static void checkRoles(List<String> roles, Map<String, List<String>> errors) {
        if (roles.stream()
                .anyMatch(role -> role == null || !ROLE.matcher(role).matches() || Roles.AUTHENTICATED.equals(role))) {
            errors.put("roles", List.of(INVALID_ROLE));
        }
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
