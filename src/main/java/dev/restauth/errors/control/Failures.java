package dev.restauth.errors.control;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.UUID;

/**
 * What any failure amounts to for the client, for the catch-all mapper and the authentication
 * mechanism alike: the {@link ApiError} inside it; 503 when PostgreSQL is unreachable; anything
 * else is a bug, so a generic 500, with the stack trace logged under an incident id the client
 * can quote.
 */
public final class Failures {

    private static final Logger LOG = System.getLogger(Failures.class.getName());
    public static final String INCIDENT_HEADER = "X-Incident-Id";

    private Failures() {}

    public static ApiError answer(Throwable failure) {
        return ApiError.in(failure).or(() -> DatabaseFailures.answer(failure)).orElseGet(() -> serverError(failure));
    }

    private static ApiError serverError(Throwable failure) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.ERROR, "Unexpected failure, incident " + incident, failure);
        return ApiError.of(500, DefaultMessages.SERVER_ERROR).withHeader(INCIDENT_HEADER, incident);
    }
}
