package dev.restauth.errors.boundary;

import dev.restauth.errors.control.ApiError;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Our {@link ApiError}s as they are, and the runtime's own exceptions (unknown path, wrong
 * method, unsupported media type …) with DRF's messages, keeping their status and headers
 * (Allow, say).
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException exception) {
        return ErrorWriter.response(exception instanceof ApiError error ? error : drfShaped(exception.getResponse()));
    }

    private ApiError drfShaped(Response original) {
        MediaType contentType = headers.getMediaType();
        ApiError error = ApiError.ofStatus(
                original.getStatus(), request.getMethod(), contentType == null ? null : contentType.toString());
        for (String name : original.getHeaders().keySet()) {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
                    && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                error = error.withHeader(name, original.getHeaderString(name));
            }
        }
        return error;
    }
}
