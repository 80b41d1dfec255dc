package dev.restauth.errors.boundary;

import dev.restauth.errors.control.DefaultMessages;
import dev.restauth.errors.entity.ErrorBody;
import dev.restauth.platform.control.DatabaseFailures;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.UUID;

/**
 * The last resort. An unreachable database is a 503 with Retry-After; anything else is a bug: the
 * client gets a generic 500, the log gets the stack trace under an incident id the client can quote.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = System.getLogger(UnexpectedExceptionMapper.class.getName());
    static final String INCIDENT_HEADER = "X-Incident-Id";

    /** Seconds a client should wait before retrying while the database is unreachable. */
    static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public Response toResponse(Throwable exception) {
        if (DatabaseFailures.isUnavailable(exception)) {
            // Not a bug, and not the client's fault: say so, and when to come back.
            LOG.log(Level.WARNING, "PostgreSQL is unreachable; answering 503: {0}", exception.getMessage());
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .entity(new ErrorBody(DefaultMessages.forStatus(503, null, null)))
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
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
