package dev.restauth.authentication.entity;

import dev.restauth.errors.entity.ErrorBody;
import dev.restauth.errors.entity.PendingError;
import java.util.Map;

/**
 * Why a request's credentials were refused, recorded on the request for whichever component
 * writes the response: the mechanism itself (protected resources) or the JAX-RS filter (public
 * ones).
 *
 * @param headers what the response must carry: {@code WWW-Authenticate} for a 401, {@code
 *     Retry-After} for a 429 or 503
 */
public record AuthenticationFailure(int status, ErrorBody body, Map<String, String> headers) implements PendingError {

    /** Seconds a client should wait before retrying when the server could not check credentials. */
    static final String RETRY_AFTER_SECONDS = "5";

    public AuthenticationFailure {
        headers = Map.copyOf(headers);
    }

    /** DRF's 401: the challenge names the scheme the client should use. */
    public static AuthenticationFailure unauthorized(String detail, String challenge) {
        return unauthorized(new ErrorBody(detail), challenge);
    }

    public static AuthenticationFailure unauthorized(ErrorBody body, String challenge) {
        return new AuthenticationFailure(401, body, Map.of("WWW-Authenticate", challenge));
    }

    /** The credentials could not be checked (the database is down): the client should retry. */
    public static AuthenticationFailure unavailable(String detail) {
        return new AuthenticationFailure(503, new ErrorBody(detail), Map.of("Retry-After", RETRY_AFTER_SECONDS));
    }
}
