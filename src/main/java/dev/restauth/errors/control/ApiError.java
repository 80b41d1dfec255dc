package dev.restauth.errors.control;

import dev.restauth.errors.entity.ErrorBody;
import jakarta.ws.rs.WebApplicationException;
import java.util.Map;

/**
 * A failure with a body of its own (SimpleJWT's {@code code} and {@code messages}, for example)
 * and the headers it needs, such as {@code WWW-Authenticate}.
 */
public class ApiError extends WebApplicationException {

    private final ErrorBody body;
    private final Map<String, String> headers;

    public ApiError(int status, ErrorBody body, Map<String, String> headers) {
        super(body.detail(), status);
        this.body = body;
        this.headers = Map.copyOf(headers);
    }

    public ErrorBody body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
