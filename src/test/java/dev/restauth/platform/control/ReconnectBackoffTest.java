package dev.restauth.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The listener's waits between attempts: doubling to a bound, and starting over once connected. */
class ReconnectBackoffTest {

    static final SQLException REFUSED = new SQLException("Connection refused");

    @Test
    void eachWaitDoublesTheLastUpToTheBound() {
        ReconnectBackoff cut = new ReconnectBackoff(Duration.ofSeconds(4));
        List<Duration> waits =
                Stream.generate(() -> cut.failed(REFUSED)).limit(5).toList();
        assertEquals(
                List.of(
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(16),
                        ReconnectBackoff.MAX_DELAY,
                        ReconnectBackoff.MAX_DELAY),
                waits);
    }

    @Test
    void aConnectionStartsTheNextOutageOverAtTheFirstWait() {
        ReconnectBackoff cut = new ReconnectBackoff(Duration.ofSeconds(1));
        cut.failed(REFUSED);
        cut.failed(REFUSED);
        cut.connected();
        assertEquals(Duration.ofSeconds(1), cut.failed(REFUSED));
    }

    @Test
    void waitingSleepsAndAnInterruptEndsIt() {
        ReconnectBackoff cut = new ReconnectBackoff(Duration.ofMillis(1));
        assertTrue(cut.waitAfter(REFUSED));
        Thread.currentThread().interrupt();
        try {
            assertFalse(cut.waitAfter(REFUSED), "stopping the application interrupts the wait");
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the loop to see");
        } finally {
            Thread.interrupted();
        }
    }
}
