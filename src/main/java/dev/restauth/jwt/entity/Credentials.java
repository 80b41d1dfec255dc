package dev.restauth.jwt.entity;

import dev.restauth.platform.boundary.Verbatim;

/** A login: DRF's field names, from JSON or a form. */
public record Credentials(String username, @Verbatim String password) {

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***]";
    }
}
