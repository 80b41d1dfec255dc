package dev.restauth.users.entity;

import dev.restauth.platform.boundary.Verbatim;
import java.util.List;

/**
 * {@code PATCH /api/users/{username}/}: the fields to change; absent fields stay as they are. A
 * password is an administrator's reset: the password rules apply and the user's sessions end.
 */
public record UserChanges(List<String> roles, Boolean active, @Verbatim String password) {

    @Override
    public String toString() {
        return "UserChanges[roles=" + roles + ", active=" + active + ", password=" + (password == null ? null : "***")
                + "]";
    }
}
