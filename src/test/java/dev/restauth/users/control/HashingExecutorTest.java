package dev.restauth.users.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.errors.control.ApiError;
import dev.restauth.platform.control.OwedAnswers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HashingExecutorTest {

    static final int CORES = Runtime.getRuntime().availableProcessors();

    HashingExecutor cut;
    ScheduledExecutorService deadlines;
    ExecutorService continuations;
    CountDownLatch release;

    @BeforeEach
    void wire() {
        deadlines = Executors.newSingleThreadScheduledExecutor();
        continuations = Executors.newSingleThreadExecutor(work -> new Thread(work, "continuation"));
        release = new CountDownLatch(1);
        cut = new HashingExecutor();
        cut.concurrency = 1;
        cut.queuePerCore = 1; // a queue of one per core
        cut.maxWait = Duration.ofSeconds(30);
        cut.threadFactory = Executors.defaultThreadFactory();
        cut.deadlines = deadlines;
        cut.continuations = continuations;
        cut.answers = new OwedAnswers(Runnable::run);
    }

    @AfterEach
    void stop() {
        release.countDown();
        cut.shutdown();
        deadlines.shutdownNow();
        continuations.shutdownNow();
    }

    @Test
    void whileTheServerStopsACheckIsAnsweredBeforeTheCallerLetsGoOfItsThread() throws Exception {
        cut.answers = new OwedAnswers(work -> {
            throw new java.util.concurrent.RejectedExecutionException("stopping");
        });
        cut.init();
        CompletableFuture<String> answer = cut.submit(
                        () -> "hashed on " + Thread.currentThread().getName())
                .toCompletableFuture();
        assertTrue(answer.isDone(), "done when submit returns: the stop waits for this thread, not for others");
        assertTrue(answer.get().startsWith("hashed on "));
    }

    @Test
    void aResultWhoseNextStepsAreRefusedStillAnswersWith503() throws Exception {
        cut.continuations = work -> {
            throw new java.util.concurrent.RejectedExecutionException("the application is stopping");
        };
        cut.init();
        CompletableFuture<String> answer = cut.submit(() -> "hashed").toCompletableFuture();
        ExecutionException refused = assertThrows(ExecutionException.class, () -> answer.get(30, TimeUnit.SECONDS));
        assertEquals(503, assertInstanceOf(ApiError.class, refused.getCause()).status());
    }

    @Test
    void aFullQueueIsRefusedAtOnceWith503AndRetryAfter() throws Exception {
        cut.init();
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<String> first = cut.submit(() -> {
                    running.countDown();
                    awaitQuietly(release);
                    return "first";
                })
                .toCompletableFuture();
        running.await();
        List<CompletableFuture<String>> queued = new ArrayList<>();
        for (int i = 0; i < CORES; i++) {
            queued.add(cut.submit(() -> "queued").toCompletableFuture());
        }

        assertBusy(assertThrows(ApiError.class, () -> cut.submit(() -> "one too many")));
        assertBusy(assertThrows(ApiError.class, () -> cut.await(() -> "one too many")));

        release.countDown();
        assertEquals("first", first.get(10, TimeUnit.SECONDS));
        for (CompletableFuture<String> waiting : queued) {
            assertEquals("queued", waiting.get(10, TimeUnit.SECONDS));
        }
        assertEquals("free again", cut.await(() -> "free again"));
    }

    @Test
    void aCheckThatCannotStartWithinTheMaximumWaitGets503AndItsHashIsSkipped() throws Exception {
        cut.maxWait = Duration.ofMillis(100);
        cut.init();
        CountDownLatch running = new CountDownLatch(1);
        cut.submit(() -> {
            running.countDown();
            awaitQuietly(release);
            return "slow";
        });
        running.await();
        AtomicBoolean hashed = new AtomicBoolean();

        ExecutionException timedOut =
                assertThrows(ExecutionException.class, () -> cut.submit(() -> hashed.getAndSet(true))
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS));
        assertBusy(assertInstanceOf(ApiError.class, timedOut.getCause()));
        assertBusy(assertThrows(ApiError.class, () -> cut.await(() -> hashed.getAndSet(true))));

        release.countDown();
        assertEquals("after", cut.await(() -> "after"), "the expired checks left the queue");
        assertFalse(hashed.get(), "nobody waited for those hashes any more, so they never ran");
    }

    @Test
    void callersWaitingOnTheirOwnThreadHoldAtMostHalfTheServersRequestThreads() throws Exception {
        cut.queuePerCore = 8;
        cut.requestThreads = 4;
        cut.init();
        CountDownLatch running = new CountDownLatch(1);
        ExecutorService requestThreads = Executors.newFixedThreadPool(2);
        try {
            var first = requestThreads.submit(() -> cut.await(() -> {
                running.countDown();
                awaitQuietly(release);
                return "first";
            }));
            running.await();
            var second = requestThreads.submit(() -> cut.await(() -> "second"));
            while (!second.isDone() && cut.waitingThreadsLeft() > 0) {
                Thread.sleep(5);
            }

            assertBusy(assertThrows(ApiError.class, () -> cut.await(() -> "a third thread")));
            var notWaiting = cut.submit(() -> "holds no thread").toCompletableFuture();

            release.countDown();
            assertEquals("first", first.get(10, TimeUnit.SECONDS));
            assertEquals("second", second.get(10, TimeUnit.SECONDS));
            assertEquals("holds no thread", notWaiting.get(10, TimeUnit.SECONDS));
        } finally {
            requestThreads.shutdownNow();
        }
    }

    @Test
    void whatFollowsAHashRunsOnAManagedThreadNotOnAHashingThread() throws Exception {
        cut.init();
        List<String> threads = new ArrayList<>();
        String next = cut.submit(() -> {
                    threads.add(Thread.currentThread().getName());
                    return "hashed";
                })
                .thenApply(result -> {
                    threads.add(Thread.currentThread().getName());
                    return result;
                })
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        assertEquals("hashed", next);
        assertTrue(threads.get(0).startsWith("restauth-password-hashing-"), threads.toString());
        assertTrue(List.of("continuation", "main").contains(threads.get(1)), threads.toString());
    }

    @Test
    void aFailingHashFailsItsCallerWithTheSameError() {
        cut.init();
        IllegalArgumentException broken = new IllegalArgumentException("malformed hash");

        assertEquals(
                broken,
                assertThrows(
                        IllegalArgumentException.class,
                        () -> cut.await(() -> {
                            throw broken;
                        })));
        ExecutionException failed = assertThrows(ExecutionException.class, () -> cut.submit(() -> {
                    throw broken;
                })
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS));
        assertEquals(broken, failed.getCause());
    }

    private static void assertBusy(ApiError refused) {
        assertEquals(503, refused.status());
        assertEquals("1", refused.headers().get("Retry-After"));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
