package dev.restauth.errors.control;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * The one place that tells "PostgreSQL cannot be reached" (worth a 503 and a retry) from every
 * other failure, and answers it. SQLState class 08 is "connection exception"; pgJDBC reports
 * refused connections so, and the pool reports a wait for a free connection as a transient
 * connection exception. 57P01-57P03 ("admin shutdown", "crash shutdown", "cannot connect now") is
 * what a pooled connection gets when PostgreSQL stops or is still starting.
 */
public final class DatabaseFailures {

    private static final Logger LOG = System.getLogger(DatabaseFailures.class.getName());

    private DatabaseFailures() {}

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** A unique constraint refused the write (SQLState 23505): someone else was first. */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A 503 with Retry-After when the database is the cause: not a bug and not the client's fault,
     * and the client's credentials may well be fine, so it should come back rather than give up.
     */
    public static Optional<ApiError> answer(Throwable failure) {
        if (!isUnavailable(failure)) {
            return Optional.empty();
        }
        LOG.log(Level.WARNING, "PostgreSQL is unreachable; answering 503: {0}", failure.getMessage());
        return Optional.of(ApiError.unavailable(RetryAfter.DATABASE_UNREACHABLE));
    }
}
