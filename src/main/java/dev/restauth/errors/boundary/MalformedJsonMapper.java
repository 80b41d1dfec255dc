package dev.restauth.errors.boundary;

import dev.restauth.errors.control.DefaultMessages;
import dev.restauth.errors.entity.ErrorBody;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body that JSON-B cannot read is the client's fault: 400 with DRF's "JSON parse
 * error" message. The parser's own message is not echoed; it can quote the input. (Our responses
 * are records JSON-B always serializes, so a JsonbException here comes from reading.)
 */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException exception) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(new ErrorBody(DefaultMessages.JSON_PARSE_ERROR))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
