package dev.restauth.apitokens.entity;

import dev.restauth.platform.boundary.Verbatim;

/** {@code POST /api/auth-token/}: DRF's fields, plus an optional label for the new token. */
public record TokenLogin(String username, @Verbatim String password, String name) {

    @Override
    public String toString() {
        return "TokenLogin[username=" + username + ", password=***, name=" + name + "]";
    }
}
