package dev.restauth.platform.control;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The application's datasource as Flyway gets it: the same pool, but each connection lifted out of
 * the bounds that every request lives under (docs/operations.md): PostgreSQL's statement timeout
 * of a few seconds and pgJDBC's socket timeout would kill any migration that rewrites a large
 * table. A migration's connection waits up to {@code timeout} for a statement instead, and a little
 * longer for the socket, so that PostgreSQL's own cancellation comes first. When Flyway closes
 * the connection the session's defaults (the pool's {@code options}) and the socket timeout are
 * restored before it goes back to the pool, so no request ever gets a connection without bounds.
 */
final class MigrationConnections implements DataSource {

    /** How much longer the socket waits than the statement: PostgreSQL's answer should win. */
    static final Duration SOCKET_MARGIN = Duration.ofSeconds(10);

    /** pgJDBC ignores the executor; JDBC requires one. */
    private static final Executor DIRECT = Runnable::run;

    private final DataSource pool;
    private final Duration timeout;

    MigrationConnections(DataSource pool, Duration timeout) {
        this.pool = pool;
        this.timeout = timeout;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return unbounded(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return unbounded(pool.getConnection(username, password));
    }

    private Connection unbounded(Connection connection) throws SQLException {
        int socketTimeout = connection.getNetworkTimeout();
        try {
            // Right after checkout the connection is in auto-commit: the SET holds for the session.
            execute(connection, "SET statement_timeout = " + timeout.toMillis());
            connection.setNetworkTimeout(
                    DIRECT, Math.toIntExact(timeout.plus(SOCKET_MARGIN).toMillis()));
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                new RestoreOnClose(connection, socketTimeout));
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Passes every call through; {@code close()} first restores what {@link #unbounded} changed. */
    private record RestoreOnClose(Connection connection, int socketTimeout) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if ("close".equals(method.getName()) && method.getParameterCount() == 0) {
                try {
                    restore();
                } catch (SQLException | RuntimeException e) {
                    // Never hand an unbounded session back to the pool: the pool destroys it.
                    connection.abort(DIRECT);
                    throw e;
                } finally {
                    connection.close();
                }
                return null;
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private void restore() throws SQLException {
            if (connection.isClosed()) {
                return;
            }
            // Ends whatever Flyway left open, so that the RESET is not rolled back with it.
            connection.setAutoCommit(true);
            // RESET goes back to the session's default: the value of the pool's startup options.
            execute(connection, "RESET statement_timeout");
            connection.setNetworkTimeout(DIRECT, socketTimeout);
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return pool.isWrapperFor(type);
    }
}
