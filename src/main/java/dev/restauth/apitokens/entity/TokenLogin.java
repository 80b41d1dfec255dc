package dev.restauth.apitokens.entity;

/** {@code POST /api/auth-token/}: DRF's fields, plus an optional label for the new token. */
public record TokenLogin(String username, String password, String name) {

    @Override
    public String toString() {
        return "TokenLogin[username=" + username + ", password=***, name=" + name + "]";
    }
}
