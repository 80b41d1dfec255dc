package dev.restauth.errors.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

    @Test
    void refusedConnectionIsWorthRetrying() {
        var failure = new FlywayException(
                "Unable to obtain connection", new SQLException("refused", "08001", new ConnectException()));
        assertTrue(DatabaseFailures.isUnavailable(failure));
    }

    @Test
    void aPooledConnectionCutByAStoppingServerIsWorthRetrying() {
        var failure = new IllegalStateException(
                "Could not read",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        assertTrue(DatabaseFailures.isUnavailable(failure));
    }

    @Test
    void brokenMigrationIsNotWorthRetrying() {
        var failure = new FlywayException("Validate failed: checksum mismatch", new SQLException("syntax", "42601"));
        assertFalse(DatabaseFailures.isUnavailable(failure));
    }
}
