package dev.restauth.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.audit.control.Repeats.Count;
import dev.restauth.audit.control.Repeats.Kind;
import dev.restauth.audit.entity.AuditEvent.Type;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RepeatsTest {

    static final Kind EXPIRED = new Kind(Type.TOKEN_REJECTED, null, "203.0.113.9", "Bearer: Token is expired");
    static final Kind INVALID = new Kind(Type.TOKEN_REJECTED, null, "203.0.113.9", "Token: Invalid token.");

    Repeats cut = new Repeats(100);

    @Test
    void theFirstOfAKindIsReportedAndItsRepeatsCounted() {
        assertTrue(cut.first(EXPIRED));
        for (int i = 0; i < 999; i++) {
            assertFalse(cut.first(EXPIRED));
        }
        assertTrue(cut.first(INVALID), "another reason is another kind");

        assertEquals(List.of(new Count(EXPIRED, 999, false)), cut.drain());
    }

    @Test
    void aKindKeepsBeingCountedWhileItRepeatsAndIsForgottenAfterAQuietInterval() {
        cut.first(EXPIRED);
        cut.first(EXPIRED);
        assertEquals(List.of(new Count(EXPIRED, 1, false)), cut.drain());

        assertFalse(cut.first(EXPIRED), "still repeating: counted, not reported again");
        assertEquals(List.of(new Count(EXPIRED, 1, false)), cut.drain());

        assertEquals(List.of(), cut.drain(), "a quiet interval: nothing to say");
        assertEquals(0, cut.tracked(), "and the kind is forgotten");
        assertTrue(cut.first(EXPIRED), "so its next event is reported again");
    }

    @Test
    void beyondTheBoundKindsAreCountedPerTypeNotReported() {
        Repeats small = new Repeats(2);
        assertTrue(small.first(EXPIRED));
        assertTrue(small.first(INVALID));
        for (int i = 0; i < 1000; i++) {
            assertFalse(small.first(new Kind(Type.TOKEN_REJECTED, null, "client-" + i, "Bearer: Token is invalid")));
        }
        assertFalse(small.first(new Kind(Type.LOGIN_THROTTLED, "alice", "client-x", null)));
        assertEquals(2, small.tracked(), "memory stays within the bound");

        List<Count> counts = small.drain();
        assertTrue(
                counts.contains(new Count(new Kind(Type.TOKEN_REJECTED, null, null, null), 1000, true)), "" + counts);
        assertTrue(counts.contains(new Count(new Kind(Type.LOGIN_THROTTLED, null, null, null), 1, true)), "" + counts);
        assertEquals(0, small.tracked(), "the two kinds did not repeat: forgotten, room for new ones");
    }

    @Test
    void noEventIsLostWhileDrainsRetireKindsConcurrently() throws Exception {
        int threads = 4;
        int perThread = 50_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        AtomicLong reported = new AtomicLong();
        AtomicLong counted = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Future<?> drains = pool.submit(() -> {
            while (running.get()) {
                cut.drain().forEach(count -> counted.addAndGet(count.repeats()));
            }
        });
        List<Future<?>> senders = java.util.stream.IntStream.range(0, threads)
                .mapToObj(t -> pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        if (cut.first(i % 3 == 0 ? EXPIRED : INVALID)) {
                            reported.incrementAndGet();
                        }
                    }
                }))
                .<Future<?>>map(future -> future)
                .toList();
        for (Future<?> sender : senders) {
            sender.get();
        }
        running.set(false);
        drains.get();
        cut.drain().forEach(count -> counted.addAndGet(count.repeats()));
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));

        assertEquals((long) threads * perThread, reported.get() + counted.get());
    }
}
