package dev.restauth.errors.control;

import dev.restauth.errors.entity.ErrorBody;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.WebApplicationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one error type: a status, DRF's body (the detail form {@code {"detail", "code", "messages"}}
 * or the field map {@code {"username": ["This field is required."]}}, with DRF's per-item map for
 * a list field: {@code {"roles": {"0": ["Not a valid string."]}}}) and the headers the answer
 * needs (WWW-Authenticate, Retry-After, Allow). Control code throws it; {@code ErrorWriter}
 * renders it for whoever catches it: the JAX-RS mappers, the authentication mechanism, the
 * servlet error page and the request-body filter. Every Retry-After is set here.
 */
public class ApiError extends WebApplicationException {

    /** The request attribute holding an error decided before JAX-RS runs (by the mechanism). */
    public static final String PENDING = ApiError.class.getName() + ".pending";

    private final int status;
    private final ErrorBody body;
    private final JsonObject fields;
    private final Map<String, String> headers;

    private ApiError(int status, ErrorBody body, JsonObject fields, Map<String, String> headers) {
        super(body != null ? body.detail() : "Invalid input: " + fields.keySet(), null, status);
        this.status = status;
        this.body = body;
        this.fields = fields;
        this.headers = Map.copyOf(headers);
    }

    public static ApiError of(int status, ErrorBody body) {
        return new ApiError(status, body, null, Map.of());
    }

    public static ApiError of(int status, String detail) {
        return of(status, new ErrorBody(detail));
    }

    /** DRF's default message for the status, as if a DRF view had raised it. */
    public static ApiError ofStatus(int status, String method, String contentType) {
        return of(status, DefaultMessages.forStatus(status, method, contentType));
    }

    /** A 401: the challenge names the scheme the client should use. */
    public static ApiError unauthorized(ErrorBody body, String challenge) {
        return new ApiError(401, body, null, Map.of("WWW-Authenticate", challenge));
    }

    public static ApiError unauthorized(String detail, String challenge) {
        return unauthorized(new ErrorBody(detail), challenge);
    }

    /** A 400 in DRF's field-map shape, fields in the order given. */
    public static ApiError fields(Map<String, List<String>> messages) {
        FieldErrors errors = new FieldErrors();
        messages.forEach(errors::add);
        return fields(errors.json());
    }

    /** A 400 in DRF's field-map shape, as {@link FieldErrors} collected it. */
    static ApiError fields(JsonObject messages) {
        return new ApiError(400, null, messages, Map.of());
    }

    /** 503: the request could not be served now; the client should come back after {@code wait}. */
    public static ApiError unavailable(RetryAfter wait) {
        return new ApiError(
                503,
                new ErrorBody(DefaultMessages.forStatus(503, null, null)),
                null,
                Map.of("Retry-After", Long.toString(wait.seconds())));
    }

    /** 429 with DRF's throttling message, the same wait in the body and in Retry-After. */
    public static ApiError throttled(long waitSeconds) {
        String detail = "Request was throttled. Expected available in " + waitSeconds
                + (waitSeconds == 1 ? " second." : " seconds.");
        return new ApiError(429, new ErrorBody(detail), null, Map.of("Retry-After", Long.toString(waitSeconds)));
    }

    /** This error with one more header. */
    public ApiError withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiError(status, body, fields, more);
    }

    public int status() {
        return status;
    }

    /** The detail form of the body, or null when the body is a field map. */
    public ErrorBody body() {
        return body;
    }

    /** The field map of a 400, or null when the body has the detail form. */
    public JsonObject fields() {
        return fields;
    }

    /** A field's own messages (none for a list field's per-item map, or a field without errors). */
    public List<String> messages(String field) {
        JsonValue messages = fields == null ? null : fields.get(field);
        if (!(messages instanceof JsonArray array)) {
            return List.of();
        }
        return array.getValuesAs(JsonString::getString);
    }

    public Map<String, String> headers() {
        return headers;
    }

    /**
     * The API error behind a failure, if any: code that calls through the container may get it
     * wrapped.
     */
    public static Optional<ApiError> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiError error) {
                return Optional.of(error);
            }
        }
        return Optional.empty();
    }

    /** No stack trace: this is an answer, not a fault, and it is thrown for every bad request. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
