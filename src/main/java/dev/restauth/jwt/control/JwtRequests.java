package dev.restauth.jwt.control;

import dev.restauth.errors.control.FieldErrors;
import dev.restauth.jwt.entity.Credentials;

/** SimpleJWT's request records, checked in one place with DRF's messages. */
final class JwtRequests {

    private JwtRequests() {}

    static void check(Credentials credentials) {
        new FieldErrors()
                .requireText("username", credentials.username())
                .requireText("password", credentials.password())
                .throwIfAny();
    }

    /** A token field: required, and not blank (spaces are no token either). */
    static void checkToken(String field, String token) {
        if (token == null) {
            throw FieldErrors.of(field, FieldErrors.REQUIRED);
        }
        if (token.isBlank()) {
            throw FieldErrors.of(field, FieldErrors.BLANK);
        }
    }
}
