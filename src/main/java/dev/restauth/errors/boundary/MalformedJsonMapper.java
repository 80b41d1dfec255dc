package dev.restauth.errors.boundary;

import dev.restauth.errors.control.ApiError;
import dev.restauth.errors.control.DefaultMessages;
import jakarta.json.bind.JsonbException;
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
        return ErrorWriter.response(ApiError.of(400, DefaultMessages.JSON_PARSE_ERROR));
    }
}
