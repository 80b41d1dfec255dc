package dev.restauth.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The test servers' PostgreSQL, straight from the test, as its superuser: for what no API can do,
 * such as changing a row behind the servers' backs or killing one of their connections. The
 * build's launcher records the port in the data folder's postmaster.pid.
 */
public final class TestDatabase {

    public static final Path DATA = Path.of(System.getProperty("restauth.db.dir", "target/it-postgres"));

    private TestDatabase() {}

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port() + "/restauth", "postgres", "");
    }

    /**
     * The payloads of the notifications on {@code connection} (which must {@code LISTEN}), until
     * {@code enough} is true of them or {@code timeout} has passed.
     */
    public static List<String> notifications(Connection connection, Predicate<List<String>> enough, Duration timeout)
            throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        List<String> payloads = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!enough.test(payloads) && System.nanoTime() < deadline) {
            PGNotification[] received = postgres.getNotifications(50);
            if (received != null) {
                for (PGNotification notification : received) {
                    payloads.add(notification.getParameter());
                }
            }
        }
        return payloads;
    }

    /** The postmaster's process id (line 1 of postmaster.pid). */
    public static long pid() {
        return Long.parseLong(postmaster().get(0).strip());
    }

    /** The port it listens on (line 4 of postmaster.pid). */
    public static String port() {
        return postmaster().get(3).strip();
    }

    private static List<String> postmaster() {
        try {
            return Files.readAllLines(DATA.resolve("postmaster.pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
