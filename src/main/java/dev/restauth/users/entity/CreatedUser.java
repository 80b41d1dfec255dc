package dev.restauth.users.entity;

import java.util.List;

/** The answer to {@code POST /api/users/}: never the password. */
public record CreatedUser(String username, List<String> roles) {
    public static CreatedUser of(User user) {
        return new CreatedUser(user.username(), List.copyOf(user.roles()));
    }
}
