package dev.restauth.users.control;

import dev.restauth.errors.control.ApiError;
import dev.restauth.platform.control.OwedAnswers;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
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

    @Inject
    @ConfigProperty(name = "passwords.concurrency", defaultValue = "0")
    int concurrency;

    @Inject
    @ConfigProperty(name = "passwords.concurrency.queue-per-core", defaultValue = "32")
    int queuePerCore;

    @Inject
    @ConfigProperty(name = "passwords.concurrency.max-wait", defaultValue = "PT5S")
    Duration maxWait;

    /** The server's floor of request threads, a server.xml variable (0 when unknown): {@link HashingCapacity}. */
    @Inject
    @ConfigProperty(name = "executor.core.threads", defaultValue = "0")
    int requestThreads;

    /** Plain daemon threads, not managed ones ({@link HashingPool#DAEMON_THREADS} says why). */
    ThreadFactory threadFactory = HashingPool.DAEMON_THREADS;

    /** Ends the wait of checks that did not start in time. */
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService deadlines;

    /** Next steps run on {@link FinishingThreads} in the caller's context, never on a hashing thread. */
    @Resource(lookup = "java:comp/DefaultContextService")
    ContextService contexts;

    /** Unit tests set where next steps run instead (on the completing thread). */
    Executor continuations;

    /** Whether a check may leave the caller's thread while the server stops. */
    @Inject
    OwedAnswers answers;

    private FinishingThreads finishers;
    private HashingPool pool;
    private Semaphore waitingThreads;

    @PostConstruct
    void init() {
        HashingCapacity capacity = HashingCapacity.of(
                concurrency, queuePerCore, requestThreads, Runtime.getRuntime().availableProcessors());
        waitingThreads = new Semaphore(capacity.waitingThreads());
        pool = new HashingPool(capacity, threadFactory);
        finishers = new FinishingThreads(2 * capacity.threads());
        LOG.log(Level.INFO, capacity.describe(maxWait));
    }

    @Override
    public int waiting() {
        return pool.waiting();
    }

    @Override
    public int running() {
        return pool.running();
    }

    @PreDestroy
    void shutdown() {
        pool.shutdown();
        finishers.shutdown();
    }

    /**
     * Runs {@code hashing} on a hashing thread without holding the caller's thread.
     *
     * @return its result, delivered on a finishing thread (or on the caller's thread if it is done
     *     before the caller attaches its next step): whatever follows may use the database
     * @throws ApiError 503 with Retry-After at once, when the queue is full; the stage fails with
     *     the same when the check did not start within the maximum wait
     */
    public <T> CompletionStage<T> submit(Supplier<T> hashing) {
        if (answers.mustKeepThread()) {
            return CompletableFuture.completedFuture(await(hashing)); // the stop waits for this thread
        }
        Executor next = continuations != null ? continuations : finishers.forCaller(contexts);
        HashingTask<T> task = pool.enqueue(hashing);
        task.expireAfter(maxWait, deadlines);
        return task.deliveredOn(next);
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
            throw HashingTask.busy();
        }
        try {
            return pool.enqueue(hashing).await(maxWait);
        } finally {
            waitingThreads.release();
        }
    }

    /** How many more callers may wait on their own thread now. */
    int waitingThreadsLeft() {
        return waitingThreads.availablePermits();
    }
}
