package dev.restauth.errors.boundary;

import dev.restauth.errors.control.DefaultMessages;
import dev.restauth.errors.entity.ErrorBody;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Renders the runtime's own exceptions (unknown path, wrong method, unsupported media type …)
 * with DRF's messages, keeping their status and headers (Allow, WWW-Authenticate, Retry-After).
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        MediaType contentType = headers.getMediaType();
        String detail = DefaultMessages.forStatus(
                original.getStatus(), request.getMethod(), contentType == null ? null : contentType.toString());
        Response.ResponseBuilder response =
                Response.fromResponse(original).entity(new ErrorBody(detail)).type(MediaType.APPLICATION_JSON_TYPE);
        return response.build();
    }
}
