package dev.restauth.users.entity;

import java.time.Instant;
import java.util.Set;

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

    @Override
    public String toString() {
        return "ImportedUser[id=" + id + ", username=" + username + "]";
    }
}
