package dev.restauth.users.entity;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user as the API shows it: never the password hash, never the revocation watermark. */
public record UserView(
        String username,
        List<String> roles,
        boolean active,
        Instant created,
        @JsonbNillable @JsonbProperty("last_login") @Schema(nullable = true) Instant lastLogin) {

    public static UserView of(User user) {
        return new UserView(
                user.username(), List.copyOf(user.roles()), user.isActive(), user.createdAt(), user.lastLogin());
    }
}
