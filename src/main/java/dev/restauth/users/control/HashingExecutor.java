package dev.restauth.users.control;

import dev.restauth.errors.control.ApiError;
import dev.restauth.errors.control.RetryAfter;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where every Argon2id computation runs: a few threads of its own ({@code passwords.concurrency},
 * one per core by default) and a bounded queue ({@code passwords.concurrency.queue-per-core} per
 * core). A hash costs ~30 ms of CPU and 19 MiB; run on the server's request threads, a login burst
 * held every one of them (Liberty's default executor has 4 threads on 2 cores) and every other
 * request queued behind the logins (issue 13). Here a waiting check holds no request thread, a
 * running one holds one hashing thread, and nothing but hashing ever runs on those: no database
 * call, no audit, no response.
 *
 * <p>When the queue is full the caller gets 503 with {@code Retry-After} at once; a check that has
 * not started within {@code passwords.concurrency.max-wait} gets the same, and its hash is then
 * skipped, so no work is done for a caller who was already answered.
 */
@ApplicationScoped
public class HashingExecutor implements HashingLoad {

    private static final Logger LOG = System.getLogger(HashingExecutor.class.getName());
    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int EXPIRED = 2;

    @Inject
    @ConfigProperty(name = "passwords.concurrency", defaultValue = "0")
    int concurrency;

    @Inject
    @ConfigProperty(name = "passwords.concurrency.queue-per-core", defaultValue = "32")
    int queuePerCore;

    @Inject
    @ConfigProperty(name = "passwords.concurrency.max-wait", defaultValue = "PT5S")
    Duration maxWait;

    /**
     * The server's floor of request threads ({@code executor.core.threads}, a server.xml variable,
     * which Liberty also offers as a config property; 0 when unknown). Callers that wait on their
     * request thread may hold at most half of them, so that the other half always serves requests
     * that hash nothing.
     */
    @Inject
    @ConfigProperty(name = "executor.core.threads", defaultValue = "0")
    int requestThreads;

    /**
     * Plain daemon threads, not the container's ManagedThreadFactory: Liberty holds back a managed
     * thread created while the application starts until it has started, and the first admin's
     * password is hashed during start-up (it waited out its deadline and no admin was created).
     * Hashing needs no container context, and the pool ends with the application ({@link
     * #shutdown}).
     */
    ThreadFactory threadFactory = work -> {
        Thread thread = new Thread(work);
        thread.setDaemon(true);
        thread.setContextClassLoader(HashingExecutor.class.getClassLoader());
        return thread;
    };

    /** Ends the wait of checks that did not start in time. */
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService deadlines;

    /**
     * Where a caller's next steps run once its hash is done: a managed thread, with JPA and JTA at
     * hand, and never a hashing thread, which must be free for the next hash.
     */
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    Executor continuations;

    private ThreadPoolExecutor pool;
    private Semaphore waitingThreads;

    @PostConstruct
    void init() {
        int cores = Runtime.getRuntime().availableProcessors();
        // 0 means one thread per core: more concurrent hashes only share the same cores more slowly.
        int threads = concurrency > 0 ? concurrency : cores;
        int queue = Math.max(1, queuePerCore * cores);
        int waiting = requestThreads > 0 ? Math.min(threads + queue, requestThreads / 2) : threads + queue;
        waitingThreads = new Semaphore(Math.max(1, waiting));
        AtomicInteger created = new AtomicInteger();
        pool = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queue),
                work -> {
                    Thread thread = threadFactory.newThread(work);
                    thread.setName("restauth-password-hashing-" + created.incrementAndGet());
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
        LOG.log(
                Level.INFO,
                "Password hashing: {0} thread(s), up to {1} checks waiting, each at most {2}; at most {3}"
                        + " request threads wait for a check",
                threads,
                queue,
                maxWait,
                waitingThreads.availablePermits());
    }

    @Override
    public int waiting() {
        return pool.getQueue().size();
    }

    @Override
    public int running() {
        return pool.getActiveCount();
    }

    @PreDestroy
    void shutdown() {
        pool.shutdownNow();
    }

    /**
     * Runs {@code hashing} on a hashing thread without holding the caller's thread.
     *
     * @return its result, delivered on a managed thread (or on the caller's thread if it is done
     *     before the caller attaches its next step): whatever follows may use the database
     * @throws ApiError 503 with Retry-After at once, when the queue is full; the stage fails with
     *     the same when the check did not start within the maximum wait
     */
    public <T> CompletionStage<T> submit(Supplier<T> hashing) {
        Task<T> task = enqueue(hashing);
        ScheduledFuture<?> deadline = deadlines.schedule(task::expire, maxWait.toNanos(), TimeUnit.NANOSECONDS);
        task.result.whenComplete((value, failure) -> deadline.cancel(false));
        CompletableFuture<T> delivered = new CompletableFuture<>();
        task.result.whenCompleteAsync(
                (value, failure) -> {
                    if (failure != null) {
                        delivered.completeExceptionally(unwrapped(failure));
                    } else {
                        delivered.complete(value);
                    }
                },
                continuations);
        return delivered;
    }

    /**
     * Runs {@code hashing} on a hashing thread while the caller's thread waits: for callers that
     * cannot let go of their thread (the authentication mechanism, an administrator's request).
     * At most half the server's request-thread floor waits here at once (and never more than the
     * queue holds): every other such caller is refused at once.
     *
     * @throws ApiError 503 with Retry-After when the queue is full, too many threads wait already,
     *     or the check did not start in time
     */
    public <T> T await(Supplier<T> hashing) {
        if (!waitingThreads.tryAcquire()) {
            throw busy();
        }
        try {
            return awaitTask(enqueue(hashing));
        } finally {
            waitingThreads.release();
        }
    }

    private <T> T awaitTask(Task<T> task) {
        try {
            try {
                return task.result.get(maxWait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException waitedLongEnough) {
                if (task.expire()) {
                    throw busy();
                }
                return task.result.get(); // it started just now: one hash, and it is done
            }
        } catch (ExecutionException failed) {
            throw unwrapped(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            task.expire();
            throw busy();
        }
    }

    /** How many more callers may wait on their own thread now. */
    int waitingThreadsLeft() {
        return waitingThreads.availablePermits();
    }

    private <T> Task<T> enqueue(Supplier<T> hashing) {
        Task<T> task = new Task<>(hashing);
        try {
            pool.execute(task);
        } catch (RejectedExecutionException full) {
            throw busy();
        }
        return task;
    }

    private static ApiError busy() {
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

    /** One check: it runs once, unless its waiter gave up first. */
    private final class Task<T> implements Runnable {

        final Supplier<T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();
        final AtomicInteger state = new AtomicInteger(QUEUED);

        Task(Supplier<T> work) {
            this.work = work;
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
            pool.remove(this); // its place in the queue is free at once
            result.completeExceptionally(busy());
            return true;
        }
    }
}
