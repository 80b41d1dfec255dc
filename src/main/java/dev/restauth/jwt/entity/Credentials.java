package dev.restauth.jwt.entity;

/** A login: DRF's field names, from JSON or a form. */
public record Credentials(String username, String password) {

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***]";
    }
}
