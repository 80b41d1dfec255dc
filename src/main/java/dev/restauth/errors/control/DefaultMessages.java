package dev.restauth.errors.control;

/**
 * DRF's default message for each error status, so that a failure raised by the container reads
 * exactly like one raised by a DRF view.
 */
public final class DefaultMessages {

    public static final String NOT_AUTHENTICATED = "Authentication credentials were not provided.";
    public static final String PERMISSION_DENIED = "You do not have permission to perform this action.";
    public static final String NOT_FOUND = "Not found.";
    public static final String SERVER_ERROR = "A server error occurred.";
    public static final String JSON_PARSE_ERROR = "JSON parse error - the request body is not valid JSON.";

    private DefaultMessages() {}

    /**
     * @param method the request's HTTP method (for 405)
     * @param contentType the request's Content-Type, or null (for 415)
     */
    public static String forStatus(int status, String method, String contentType) {
        return switch (status) {
            case 400 -> "Malformed request.";
            case 401 -> NOT_AUTHENTICATED;
            case 403 -> PERMISSION_DENIED;
            case 404 -> NOT_FOUND;
            case 405 -> "Method \"" + method + "\" not allowed.";
            case 406 -> "Could not satisfy the request Accept header.";
            case 413 -> "Request body too large.";
            case 415 -> "Unsupported media type \"" + (contentType == null ? "" : contentType) + "\" in request.";
            case 503 -> "Service temporarily unavailable, try again later.";
            default -> status >= 500 ? SERVER_ERROR : "Request failed.";
        };
    }
}
