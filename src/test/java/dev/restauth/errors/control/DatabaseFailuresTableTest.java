package dev.restauth.errors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which SQL states mean "PostgreSQL cannot be reached" (503) and which a lost insert race. */
class DatabaseFailuresTableTest {

    @ParameterizedTest
    @CsvSource(
            value = {
                "08001, true",
                "08006, true",
                "57P01, true",
                "57P03, true",
                "23505, false",
                "42601, false",
                "57014, true",
                "55P03, true",
                "25P03, true",
                "57P04, true",
                "55000, false",
                "57000, false",
                "NULL, false"
            },
            nullValues = "NULL")
    void theSqlStateDecides(String sqlState, boolean unavailable) {
        var failure = new RuntimeException("wrapped", new SQLException("reason", sqlState));
        assertEquals(unavailable, DatabaseFailures.isUnavailable(failure));
        assertEquals(unavailable, DatabaseFailures.answer(failure).isPresent());
    }

    @Test
    void aPoolTimeoutOrARefusedSocketIsUnavailableToo() {
        assertTrue(DatabaseFailures.isUnavailable(new SQLTransientConnectionException("pool exhausted")));
        assertTrue(DatabaseFailures.isUnavailable(new IllegalStateException(new ConnectException("refused"))));
        assertFalse(DatabaseFailures.isUnavailable(new IllegalStateException("bug")));
        assertFalse(DatabaseFailures.isUnavailable(null));
    }

    @Test
    void theAnswerIsA503WithRetryAfter() {
        ApiError answer =
                DatabaseFailures.answer(new SQLException("down", "08001")).orElseThrow();
        assertEquals(503, answer.status());
        assertEquals(
                Long.toString(RetryAfter.DATABASE_UNREACHABLE.seconds()),
                answer.headers().get("Retry-After"));
        assertEquals(5, RetryAfter.DATABASE_UNREACHABLE.seconds());
        assertEquals(1, RetryAfter.PASSWORD_CHECKS_BUSY.seconds());
    }

    @Test
    void aUniqueViolationIsFoundAnywhereInTheChain() {
        assertTrue(DatabaseFailures.isUniqueViolation(
                new RuntimeException(new RuntimeException(new SQLException("duplicate", "23505")))));
        assertFalse(DatabaseFailures.isUniqueViolation(new SQLException("other", "23503")));
        assertFalse(DatabaseFailures.isUniqueViolation(new SQLException("no state")));
        assertFalse(DatabaseFailures.isUniqueViolation(new RuntimeException("no sql")));
    }

    @Test
    void anApiErrorInsideAFailureIsTheAnswer() {
        ApiError inside = ApiError.of(404, "Not found.");
        assertEquals(inside, Failures.answer(new RuntimeException(inside)));
    }
}
