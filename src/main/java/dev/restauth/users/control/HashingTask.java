package dev.restauth.users.control;

import dev.restauth.errors.control.ApiError;
import dev.restauth.errors.control.RetryAfter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One password check queued on the {@link HashingExecutor}: it runs once, unless its waiter gave
 * up first. The race between a hashing thread starting it and its deadline expiring it is decided
 * here, in one compare-and-set, so that a caller answered with 503 never has its hash computed.
 */
final class HashingTask<T> implements Runnable {

    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int EXPIRED = 2;

    private final Supplier<T> work;
    private final Consumer<Runnable> dequeue;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final AtomicInteger state = new AtomicInteger(QUEUED);

    /** @param dequeue takes an expired task out of the queue, so that its place is free at once */
    HashingTask(Supplier<T> work, Consumer<Runnable> dequeue) {
        this.work = work;
        this.dequeue = dequeue;
    }

    @Override
    public void run() {
        if (!state.compareAndSet(QUEUED, RUNNING)) {
            return; // answered with 503 already: nobody waits for this hash
        }
        try {
            result.complete(work.get());
        } catch (RuntimeException | Error failure) {
            result.completeExceptionally(failure);
        }
    }

    /** Gives up on a check that has not started: true if it never will. */
    boolean expire() {
        if (!state.compareAndSet(QUEUED, EXPIRED)) {
            return false;
        }
        dequeue.accept(this);
        result.completeExceptionally(busy());
        return true;
    }

    /** Expires this check if it has not started within {@code maxWait}; the timer ends with it. */
    void expireAfter(Duration maxWait, ScheduledExecutorService deadlines) {
        ScheduledFuture<?> deadline = deadlines.schedule(this::expire, maxWait.toNanos(), TimeUnit.NANOSECONDS);
        result.whenComplete((value, failure) -> deadline.cancel(false));
    }

    /**
     * The result, delivered on {@code continuations} (or on the caller's thread if it is done
     * before the caller attaches its next step), never on the hashing thread that computed it.
     */
    CompletionStage<T> deliveredOn(Executor continuations) {
        CompletableFuture<T> delivered = new CompletableFuture<>();
        // Refused (the application is stopping), the result would reach nobody and the caller
        // would wait for an answer forever: it gets 503 instead, on the thread that was refused.
        Executor orRefusal = work -> {
            try {
                continuations.execute(work);
            } catch (RejectedExecutionException stopping) {
                delivered.completeExceptionally(busy());
            }
        };
        result.whenCompleteAsync(
                (value, failure) -> {
                    if (failure != null) {
                        delivered.completeExceptionally(unwrapped(failure));
                    } else {
                        delivered.complete(value);
                    }
                },
                orRefusal);
        return delivered;
    }

    /**
     * Waits on the caller's thread: a check that has not started within {@code maxWait} is given
     * up with 503; one that started just then is waited for (one hash, and it is done).
     */
    T await(Duration maxWait) {
        try {
            try {
                return result.get(maxWait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException waitedLongEnough) {
                if (expire()) {
                    throw busy();
                }
                return result.get(); // it started just now: one hash, and it is done
            }
        } catch (ExecutionException failed) {
            throw unwrapped(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            expire();
            throw busy();
        }
    }

    /** The one answer to a check that cannot run now: 503 with Retry-After. */
    static ApiError busy() {
        return ApiError.unavailable(RetryAfter.PASSWORD_CHECKS_BUSY);
    }

    private static RuntimeException unwrapped(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
