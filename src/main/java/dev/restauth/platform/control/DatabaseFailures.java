package dev.restauth.platform.control;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells "PostgreSQL cannot be reached" (worth a 503 and a retry) from every other failure.
 * SQLState class 08 is "connection exception"; pgJDBC reports refused connections so, and the
 * pool reports a wait for a free connection as a transient connection exception. 57P01-57P03
 * ("admin shutdown", "crash shutdown", "cannot connect now") is what a pooled connection gets
 * when PostgreSQL stops or is still starting.
 */
public final class DatabaseFailures {

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
}
