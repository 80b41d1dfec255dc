package dev.restauth.authentication.entity;

import dev.restauth.errors.entity.ErrorBody;
import dev.restauth.errors.entity.PendingError;
import java.util.Map;

/**
 * Why a request's credentials were refused, recorded on the request for whichever component
 * writes the response: the error page (when the mechanism answers) or the JAX-RS filter.
 *
 * @param challenge the {@code WWW-Authenticate} value, or null where none is due
 */
public record AuthenticationFailure(int status, String detail, String challenge) implements PendingError {

    /** Seconds a client should wait before retrying when the server could not check credentials. */
    static final String RETRY_AFTER_SECONDS = "5";

    public static AuthenticationFailure unauthorized(String detail, String challenge) {
        return new AuthenticationFailure(401, detail, challenge);
    }

    @Override
    public ErrorBody body() {
        return new ErrorBody(detail);
    }

    @Override
    public Map<String, String> headers() {
        if (challenge != null) {
            return Map.of("WWW-Authenticate", challenge);
        }
        return status == 503 ? Map.of("Retry-After", RETRY_AFTER_SECONDS) : Map.of();
    }
}
