package dev.restauth.users.entity;

import dev.restauth.platform.boundary.Verbatim;
import jakarta.json.bind.annotation.JsonbProperty;

/** {@code POST /api/users/me/password/}: the current password proves it is the owner. */
public record PasswordChange(
        @JsonbProperty("old_password") @Verbatim String oldPassword,
        @JsonbProperty("new_password") @Verbatim String newPassword) {

    @Override
    public String toString() {
        return "PasswordChange[***]";
    }
}
