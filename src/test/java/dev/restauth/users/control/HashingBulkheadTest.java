package dev.restauth.users.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restauth.errors.control.ApiError;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class HashingBulkheadTest {

    @Test
    void workBeyondTheSlotsIsRefusedWith503OnceTheWaitIsOver() throws Exception {
        HashingBulkhead bulkhead = new HashingBulkhead();
        bulkhead.concurrency = 1;
        bulkhead.maxWait = Duration.ofMillis(50);
        bulkhead.init();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> bulkhead.run(() -> {
            holding.countDown();
            await(release);
            return "first";
        }));
        holding.await();

        ApiError refused = assertThrows(ApiError.class, () -> bulkhead.run(() -> "second"));
        assertEquals(503, refused.status());
        assertEquals(
                "Service temporarily unavailable, try again later.",
                refused.body().detail());
        assertEquals("1", refused.headers().get("Retry-After"));

        release.countDown();
        assertEquals("first", first.get());
        assertEquals("third", bulkhead.run(() -> "third"), "the slot is free again");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
