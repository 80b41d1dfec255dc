package dev.restauth.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.audit.entity.AuditEvent;
import dev.restauth.audit.entity.AuditEvent.Type;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AuditLogTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    static final EnumSet<Type> SUMMARIZED = EnumSet.of(Type.TOKEN_REJECTED, Type.LOGIN_THROTTLED);

    AuditLog cut = new AuditLog();
    List<String> written = new ArrayList<>();
    Logger auditLogger = Logger.getLogger("dev.restauth.audit");
    Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            written.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void logToAList() {
        cut.interval = Duration.ofMinutes(1);
        cut.maxKinds = 1000;
        cut.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        cut.repeats = new Repeats(cut.maxKinds);
        auditLogger.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        auditLogger.removeHandler(capture);
    }

    @Test
    void aFloodOfRejectedTokensIsOneLineNowAndOneCountLater() {
        for (int i = 0; i < 10_000; i++) {
            cut.onEvent(rejected("203.0.113.9", "Bearer: Given token not valid for any token type"));
        }
        assertEquals(1, written.size(), "" + written);
        assertTrue(written.get(0).contains("\"request\":\"GET /api/hello/\""), written.get(0));

        cut.summarize();

        assertEquals(
                "AUDIT {\"event\":\"token_rejected\",\"at\":\"2026-11-23T10:15:30Z\",\"client\":\"203.0.113.9\","
                        + "\"detail\":\"Bearer: Given token not valid for any token type\",\"repeats\":9999,"
                        + "\"within\":\"PT1M\"}",
                written.get(1));
        cut.summarize();
        assertEquals(2, written.size(), "nothing more to say");
    }

    @Test
    void eachClientAndReasonIsAKindOfItsOwn() {
        cut.onEvent(rejected("203.0.113.9", "Bearer: Given token not valid for any token type"));
        cut.onEvent(rejected("203.0.113.10", "Bearer: Given token not valid for any token type"));
        cut.onEvent(rejected("203.0.113.9", "Token: Invalid token."));
        cut.onEvent(rejected("203.0.113.9", "Token: Invalid token."));
        assertEquals(3, written.size(), "" + written);
    }

    @Test
    void throttledLoginsRepeatPerAccountAndClientWhateverTheWait() {
        cut.onEvent(event(Type.LOGIN_THROTTLED, "alice", "203.0.113.9", "Expected available in 12 seconds."));
        cut.onEvent(event(Type.LOGIN_THROTTLED, "alice", "203.0.113.9", "Expected available in 11 seconds."));
        cut.onEvent(event(Type.LOGIN_THROTTLED, "bob", "203.0.113.9", "Expected available in 11 seconds."));
        assertEquals(2, written.size(), "" + written);
        cut.summarize();
        assertTrue(
                written.get(2).contains("\"user\":\"alice\"") && written.get(2).contains("\"repeats\":1"));
    }

    @ParameterizedTest
    @EnumSource(Type.class)
    void everyOtherEventIsALineOfItsOwn(Type type) {
        for (int i = 0; i < 3; i++) {
            cut.onEvent(event(type, "alice", "203.0.113.9", "same"));
        }
        if (SUMMARIZED.contains(type)) {
            assertEquals(1, written.size());
        } else {
            assertNull(AuditLog.kindOf(event(type, "alice", "203.0.113.9", "same")));
            assertEquals(3, written.size(), type + " is security-relevant and costs its sender: never summarized");
        }
    }

    @Test
    void kindsBeyondTheBoundAreCountedTogether() {
        cut.maxKinds = 2;
        cut.repeats = new Repeats(2);
        for (int i = 0; i < 500; i++) {
            cut.onEvent(rejected("198.51.100." + i, "Bearer: Given token not valid for any token type"));
        }
        assertEquals(2, written.size(), "the memory bound also bounds the lines");
        cut.summarize();
        assertEquals(
                "AUDIT {\"event\":\"token_rejected\",\"at\":\"2026-11-23T10:15:30Z\","
                        + "\"detail\":\"kinds beyond the 2 tracked, all clients\",\"repeats\":498,\"within\":\"PT1M\"}",
                written.get(2));
    }

    static AuditEvent rejected(String client, String detail) {
        return new AuditEvent(Type.TOKEN_REJECTED, NOW, null, client, "GET /api/hello/", detail);
    }

    static AuditEvent event(Type type, String user, String client, String detail) {
        return new AuditEvent(type, NOW, user, client, "POST /api/token/", detail);
    }
}
