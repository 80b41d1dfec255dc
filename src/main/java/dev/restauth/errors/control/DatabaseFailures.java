package dev.restauth.errors.control;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;
import javax.transaction.xa.XAException;

/**
 * The one place that tells "PostgreSQL cannot answer now" (worth a 503 and a retry) from every
 * other failure, and answers it. What counts, anywhere in the cause chain:
 *
 * <ul>
 *   <li>SQLState class 08, "connection exception": refused connections, a connection pgJDBC
 *       abandoned after its socket timeout (08006), a login that timed out (08001);
 *   <li>a wait for a free pooled connection (a transient connection exception), a refused TCP
 *       connection, or a socket read that timed out: a PostgreSQL that is frozen or cut off by a
 *       partition accepts connections and then stays silent, and only pgJDBC's socket timeout
 *       notices;
 *   <li>57P01-57P03 ("admin shutdown", "crash shutdown", "cannot connect now"): what a pooled
 *       connection gets when PostgreSQL stops or is still starting;
 *   <li>57014, a statement cancelled by {@code statement_timeout}; 55P03, a lock wait ended by
 *       {@code lock_timeout}; 25P03, a session ended by {@code idle_in_transaction_session_timeout}:
 *       the server-side bounds of docs/operations.md, so a busy or stuck database, not a bug;
 *   <li>the transaction manager giving up: a transaction rolled back because it outlived its
 *       lifetime, a heuristic outcome, or the resource manager unreachable on commit or rollback
 *       ({@code XAER_RMFAIL}, seen when PostgreSQL froze mid-transaction).
 * </ul>
 */
public final class DatabaseFailures {

    private static final Logger LOG = System.getLogger(DatabaseFailures.class.getName());

    /** Server-side timeouts: the database bounded a statement, a lock wait or an idle session. */
    private static final Set<String> TIMED_OUT = Set.of("57014", "55P03", "25P03");

    private DatabaseFailures() {}

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof ConnectException
                    || cause instanceof SocketTimeoutException
                    || isTransactionManagerGivingUp(cause)) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || TIMED_OUT.contains(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isTransactionManagerGivingUp(Throwable cause) {
        return cause instanceof RollbackException
                || cause instanceof HeuristicMixedException
                || cause instanceof HeuristicRollbackException
                || cause instanceof SystemException
                || (cause instanceof XAException xa && xa.errorCode == XAException.XAER_RMFAIL);
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
        LOG.log(Level.WARNING, "PostgreSQL did not answer in time; answering 503: {0}", failure.getMessage());
        return Optional.of(ApiError.unavailable(RetryAfter.DATABASE_UNREACHABLE));
    }
}
