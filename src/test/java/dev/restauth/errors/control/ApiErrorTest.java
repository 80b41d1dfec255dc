package dev.restauth.errors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiErrorTest {

    @ParameterizedTest
    @CsvSource({
        "12, Request was throttled. Expected available in 12 seconds.",
        "1, Request was throttled. Expected available in 1 second."
    })
    void throttledAnswersLikeDrfWithTheSameWaitInRetryAfter(long seconds, String detail) {
        ApiError cut = ApiError.throttled(seconds);
        assertEquals(429, cut.status());
        assertEquals(detail, cut.body().detail());
        assertEquals(Long.toString(seconds), cut.headers().get("Retry-After"));
    }

    @Test
    void unavailableSaysWhenToComeBack() {
        ApiError cut = ApiError.unavailable(RetryAfter.DATABASE_UNREACHABLE);
        assertEquals(503, cut.status());
        assertEquals(
                "Service temporarily unavailable, try again later.", cut.body().detail());
        assertEquals("5", cut.headers().get("Retry-After"));
    }

    @Test
    void fieldErrorsKeepTheirOrderAndHaveNoDetail() {
        ApiError cut = ApiError.fields(Map.of("username", List.of(FieldErrors.REQUIRED)));
        assertEquals(400, cut.status());
        assertNull(cut.body());
        assertEquals(List.of(FieldErrors.REQUIRED), cut.messages("username"));
    }

    @Test
    void isFoundInsideWrappingExceptions() {
        ApiError cut = ApiError.of(418, "teapot");
        assertSame(
                cut,
                ApiError.in(new IllegalStateException(new RuntimeException(cut)))
                        .orElseThrow());
    }

    @Test
    void anUnreachableDatabaseIs503AndAnythingElseAnIncident() {
        ApiError unavailable = Failures.answer(new IllegalStateException(new java.sql.SQLException("down", "08001")));
        assertEquals(503, unavailable.status());
        ApiError bug = Failures.answer(new NullPointerException("bug"));
        assertEquals(500, bug.status());
        assertEquals("A server error occurred.", bug.body().detail());
        assertEquals(36, bug.headers().get(Failures.INCIDENT_HEADER).length());
    }
}
