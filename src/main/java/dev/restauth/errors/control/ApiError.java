package dev.restauth.errors.control;

import dev.restauth.errors.entity.ErrorBody;
import java.util.Map;
import java.util.Optional;

/**
 * A failure with a body of its own (SimpleJWT's {@code code} and {@code messages}, for example)
 * and the headers it needs, such as {@code WWW-Authenticate}.
 */
public class ApiError extends RuntimeException {

    private final int status;
    private final ErrorBody body;
    private final Map<String, String> headers;

    public ApiError(int status, ErrorBody body, Map<String, String> headers) {
        // No stack trace: this is an answer, not a fault, and it is thrown for every bad request.
        super(body.detail(), null, false, false);
        this.status = status;
        this.body = body;
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public ErrorBody body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /**
     * The API error behind a failure, if any: code that calls through the container (an identity
     * store behind Jakarta Security's handler, say) may get it wrapped.
     */
    public static Optional<ApiError> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiError error) {
                return Optional.of(error);
            }
        }
        return Optional.empty();
    }
}
