package dev.restauth.platform.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * pgJDBC's notification API on one connection, from {@code LISTEN} to {@code UNLISTEN *} (closing
 * puts the connection back clean: Liberty keeps its pool across application restarts). Kept out
 * of {@link ChangeListener}, a CDI bean whose methods are inspected at deployment: only this class
 * needs the driver's classes, and it is loaded only once they are known to be visible.
 */
final class Notifications implements AutoCloseable {

    private final Connection connection;
    private final PGConnection notifications;

    private Notifications(Connection connection) throws SQLException {
        this.connection = connection;
        this.notifications = connection.unwrap(PGConnection.class);
    }

    /** Starts listening on {@link Changes#CHANNEL}. */
    static Notifications listen(Connection connection) throws SQLException {
        Notifications listening = new Notifications(connection);
        execute(connection, "LISTEN " + Changes.CHANNEL);
        return listening;
    }

    /** The payloads that arrived, waiting at most this long for the first one. */
    List<String> receive(int timeoutMillis) throws SQLException {
        PGNotification[] received = notifications.getNotifications(timeoutMillis);
        if (received == null) {
            return List.of();
        }
        return Arrays.stream(received).map(PGNotification::getParameter).toList();
    }

    @Override
    public void close() {
        try {
            if (!connection.isClosed()) {
                execute(connection, "UNLISTEN *");
            }
        } catch (SQLException broken) {
            // A broken connection is discarded by the pool, and its LISTEN with it.
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
