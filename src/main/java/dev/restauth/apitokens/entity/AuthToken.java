package dev.restauth.apitokens.entity;

/** DRF's answer to {@code POST /api/auth-token/}: {@code {"token": "<key>"}}. */
public record AuthToken(String token) {

    @Override
    public String toString() {
        return "AuthToken[***]";
    }
}
