package dev.restauth.errors.boundary;

import dev.restauth.errors.control.FieldErrors;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Validation failures in DRF's field-map shape. */
@Provider
public class FieldErrorsMapper implements ExceptionMapper<FieldErrors> {

    @Override
    public Response toResponse(FieldErrors exception) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(exception.errors())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
