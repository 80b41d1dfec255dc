package dev.restauth.errors.boundary;

import dev.restauth.errors.control.ApiError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Renders an {@link ApiError} as it is: its status, its body, its headers. */
@Provider
public class ApiErrorMapper implements ExceptionMapper<ApiError> {

    @Override
    public Response toResponse(ApiError error) {
        Response.ResponseBuilder response =
                Response.status(error.status()).entity(error.body()).type(MediaType.APPLICATION_JSON_TYPE);
        error.headers().forEach(response::header);
        return response.build();
    }
}
