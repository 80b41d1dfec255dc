package dev.restauth.users.entity;

import dev.restauth.platform.boundary.Verbatim;
import java.util.List;

/** {@code POST /api/users/}: who to create, with which password and roles. */
public record NewUser(String username, @Verbatim String password, List<String> roles) {

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", roles=" + roles + ", password=***]";
    }
}
