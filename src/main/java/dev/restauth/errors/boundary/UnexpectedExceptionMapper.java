package dev.restauth.errors.boundary;

import dev.restauth.errors.control.DefaultMessages;
import dev.restauth.errors.entity.ErrorBody;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.UUID;

/**
 * The last resort: a bug. The client gets a generic 500; the log gets the stack trace under an
 * incident id that the client can quote.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = System.getLogger(UnexpectedExceptionMapper.class.getName());
    static final String INCIDENT_HEADER = "X-Incident-Id";

    @Override
    public Response toResponse(Throwable exception) {
        return serverError(exception);
    }

    private static Response serverError(Throwable exception) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.ERROR, "Unexpected failure, incident " + incident, exception);
        return Response.serverError()
                .header(INCIDENT_HEADER, incident)
                .entity(new ErrorBody(DefaultMessages.SERVER_ERROR))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
