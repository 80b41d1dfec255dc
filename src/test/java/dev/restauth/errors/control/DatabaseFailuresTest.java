package dev.restauth.errors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.util.stream.Stream;
import javax.transaction.xa.XAException;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseFailuresTest {

    static Stream<Arguments> worthRetrying() {
        return Stream.of(
                Arguments.of(
                        "a refused connection",
                        new FlywayException(
                                "Unable to obtain connection",
                                new SQLException("refused", "08001", new ConnectException()))),
                Arguments.of(
                        "a pooled connection cut by a stopping server",
                        new IllegalStateException(
                                "Could not read",
                                new SQLException(
                                        "FATAL: terminating connection due to administrator command", "57P01"))),
                Arguments.of(
                        "pgJDBC's socket timeout on a silent (frozen, partitioned) server",
                        new PersistenceException(
                                "could not execute statement",
                                new SQLException(
                                        "An I/O error occurred while sending to the backend.",
                                        "08006",
                                        new SocketTimeoutException("Read timed out")))),
                Arguments.of(
                        "a socket timeout without an SQLState (Bucket4j wraps it its own way)",
                        new IllegalStateException("bucket", new SocketTimeoutException("Read timed out"))),
                Arguments.of(
                        "statement_timeout",
                        new PersistenceException(
                                new SQLException("canceling statement due to statement timeout", "57014"))),
                Arguments.of(
                        "lock_timeout", new IllegalStateException(new SQLException("could not obtain lock", "55P03"))),
                Arguments.of(
                        "idle_in_transaction_session_timeout",
                        new SQLException("terminating connection due to idle-in-transaction timeout", "25P03")),
                Arguments.of(
                        "a transaction rolled back because it outlived its lifetime",
                        new TransactionalException("commit failed", new RollbackException("timed out"))),
                Arguments.of(
                        "the resource manager unreachable at rollback",
                        new IllegalStateException("rollback", new XAException(XAException.XAER_RMFAIL))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("worthRetrying")
    void isA503(String what, Throwable failure) {
        assertTrue(DatabaseFailures.isUnavailable(failure), what);
        ApiError answer = DatabaseFailures.answer(failure).orElseThrow();
        assertEquals(503, answer.status());
        assertEquals(
                Long.toString(RetryAfter.DATABASE_UNREACHABLE.seconds()),
                answer.headers().get("Retry-After"));
    }

    static Stream<Arguments> bugs() {
        return Stream.of(
                Arguments.of(
                        "a broken migration",
                        new FlywayException("Validate failed: checksum mismatch", new SQLException("syntax", "42601"))),
                Arguments.of("a unique violation", new PersistenceException(new SQLException("duplicate", "23505"))),
                Arguments.of("another XA error", new IllegalStateException(new XAException(XAException.XAER_PROTO))),
                Arguments.of("no SQLState", new PersistenceException(new SQLException("odd"))),
                Arguments.of("a plain bug", new NullPointerException()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bugs")
    void isNoOutage(String what, Throwable failure) {
        assertFalse(DatabaseFailures.isUnavailable(failure), what);
        assertTrue(DatabaseFailures.answer(failure).isEmpty());
    }

    @Test
    void aUniqueViolationIsFoundInTheChain() {
        assertTrue(DatabaseFailures.isUniqueViolation(
                new PersistenceException(new SQLException("duplicate key", "23505"))));
    }
}
