package dev.restauth.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.audit.entity.AuditEvent;
import dev.restauth.audit.entity.AuditEvent.Type;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditLinesTest {

    @Test
    void oneJsonLineWithWhatIsKnown() {
        String line = AuditLines.line(new AuditEvent(
                Type.LOGIN_FAILED,
                Instant.parse("2026-11-23T10:15:30Z"),
                "alice",
                "203.0.113.9",
                "POST /api/token/",
                null));
        assertEquals(
                "{\"event\":\"login_failed\",\"at\":\"2026-11-23T10:15:30Z\",\"user\":\"alice\","
                        + "\"client\":\"203.0.113.9\",\"request\":\"POST /api/token/\"}",
                line);
    }

    @Test
    void aHostileUsernameCannotForgeALineOrFloodTheLog() {
        String hostile = "x\"}\nAUDIT {\"event\":\"login_succeeded\"" + "y".repeat(10_000);
        String line = AuditLines.line(new AuditEvent(Type.LOGIN_FAILED, Instant.EPOCH, hostile, null, null, null));
        assertFalse(line.contains("\n"), line);
        assertTrue(line.length() < 400, "cut to a bounded length: " + line.length());
    }
}
