package dev.restauth.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The build's embedded PostgreSQL, for the few black-box tests that need a state no API can make
 * (a stored hash with other parameters, say). Local trust authentication, as the server uses it.
 */
public final class Database {

    private Database() {}

    public static Connection connect() throws SQLException {
        Path dataDir = Path.of(System.getProperty("restauth.db.dir", "target/it-postgres"));
        List<String> postmaster;
        try {
            postmaster = Files.readAllLines(dataDir.resolve("postmaster.pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String port = postmaster.get(3).strip();
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/restauth", "postgres", "");
    }

    /** Replaces a user's stored password hash. */
    public static void setPasswordHash(String username, String hash) {
        try (Connection connection = connect();
                PreparedStatement update =
                        connection.prepareStatement("UPDATE users SET password_hash = ? WHERE username = ?")) {
            update.setString(1, hash);
            update.setString(2, username);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no user " + username);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
