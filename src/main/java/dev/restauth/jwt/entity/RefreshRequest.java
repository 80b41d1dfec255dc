package dev.restauth.jwt.entity;

/** {@code POST /api/token/refresh/} and {@code /api/token/blacklist/}: a refresh token. */
public record RefreshRequest(String refresh) {

    @Override
    public String toString() {
        return "RefreshRequest[***]";
    }
}
