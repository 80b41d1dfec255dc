package dev.restauth.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

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
