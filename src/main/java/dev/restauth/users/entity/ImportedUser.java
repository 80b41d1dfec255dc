package dev.restauth.users.entity;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A user as another system (Django) had them, checked and ready to store: the id to keep (null
 * when the source gave none), the stored password hash as it is, and the roles already mapped.
 */
public record ImportedUser(
        Long id,
        String username,
        String passwordHash,
        boolean active,
        Instant joined,
        Instant lastLogin,
        Set<String> roles) {

    /** What happened, or would happen, to one imported user. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED,
        /** The id or the username belongs to another user: reported, never merged. */
        CONFLICT
    }

    /** The outcome and the user's id here (null for a user a dry run would create). */
    public record Result(Outcome outcome, Long id, String problem) {}

    /**
     * Whether this import would change {@code user}: roles, active, the dates, and the password
     * hash when {@code hashReplaceable} (the stored one is still an imported one). A later
     * last_login there wins: logins since the first import are not undone.
     */
    public boolean differsFrom(User user, boolean hashReplaceable) {
        return (hashReplaceable && !user.passwordHash().equals(passwordHash))
                || user.isActive() != active
                || !user.roles().equals(new TreeSet<>(roles))
                || (joined != null && !joined.equals(user.createdAt()))
                || !Objects.equals(laterLogin(user), user.lastLogin());
    }

    /** Applies what {@link #differsFrom} finds; a new password or a deactivation ends sessions. */
    public boolean applyTo(User user, boolean hashReplaceable, Instant now) {
        if (!differsFrom(user, hashReplaceable)) {
            return false;
        }
        if (hashReplaceable && !user.passwordHash().equals(passwordHash)) {
            user.changePassword(passwordHash, now);
        }
        if (user.isActive() != active) {
            user.setActive(active, now);
        }
        user.replaceRoles(roles);
        if (joined != null) {
            user.joined(joined);
        }
        user.recordLogin(laterLogin(user)); // the source's last login, when it is the later one
        return true;
    }

    private Instant laterLogin(User user) {
        Instant current = user.lastLogin();
        if (lastLogin == null || (current != null && !current.isBefore(lastLogin))) {
            return current;
        }
        return lastLogin;
    }

    @Override
    public String toString() {
        return "ImportedUser[id=" + id + ", username=" + username + "]";
    }
}
