package dev.restauth.platform.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * pgJDBC's notification API on one connection. Kept out of {@link ChangeListener}, a CDI bean
 * whose methods are inspected at deployment: only this class needs the driver's classes, and it
 * is loaded only once they are known to be visible.
 */
final class Notifications {

    private final PGConnection connection;

    Notifications(Connection connection) throws SQLException {
        this.connection = connection.unwrap(PGConnection.class);
    }

    /** The payloads that arrived, waiting at most this long for the first one. */
    List<String> receive(int timeoutMillis) throws SQLException {
        PGNotification[] received = connection.getNotifications(timeoutMillis);
        if (received == null) {
            return List.of();
        }
        return Arrays.stream(received).map(PGNotification::getParameter).toList();
    }
}
