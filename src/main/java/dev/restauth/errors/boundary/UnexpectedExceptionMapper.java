package dev.restauth.errors.boundary;

import dev.restauth.errors.control.Failures;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The last resort: whatever else was thrown, answered as {@link Failures#answer} decides. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable exception) {
        return ErrorWriter.response(Failures.answer(exception));
    }
}
