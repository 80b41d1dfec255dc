package dev.restauth.jwt.entity;

/** {@code POST /api/token/verify/}: a token of either type. */
public record VerifyRequest(String token) {

    @Override
    public String toString() {
        return "VerifyRequest[***]";
    }
}
