package dev.restauth.authentication.entity;

import dev.restauth.errors.entity.ErrorBody;
import dev.restauth.errors.entity.PendingError;
import java.util.Map;

/**
 * Why a request's credentials were refused, recorded on the request for whichever component
 * writes the response: the mechanism itself (protected resources) or the JAX-RS filter (public
 * ones).
 *
 * @param challenge the {@code WWW-Authenticate} value, or null where none is due
 */
public record AuthenticationFailure(int status, ErrorBody body, String challenge) implements PendingError {

    /** Seconds a client should wait before retrying when the server could not check credentials. */
    static final String RETRY_AFTER_SECONDS = "5";

    public static AuthenticationFailure unauthorized(String detail, String challenge) {
        return new AuthenticationFailure(401, new ErrorBody(detail), challenge);
    }

    public static AuthenticationFailure unauthorized(ErrorBody body, String challenge) {
        return new AuthenticationFailure(401, body, challenge);
    }

    public static AuthenticationFailure unavailable(String detail) {
        return new AuthenticationFailure(503, new ErrorBody(detail), null);
    }

    @Override
    public Map<String, String> headers() {
        if (challenge != null) {
            return Map.of("WWW-Authenticate", challenge);
        }
        return status == 503 ? Map.of("Retry-After", RETRY_AFTER_SECONDS) : Map.of();
    }
}
