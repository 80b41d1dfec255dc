package dev.restauth.platform.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Answers still owed to requests that left their request thread (a login waiting for its hash),
 * kept so that SIGTERM does not stop the application under them.
 *
 * <p>On SIGTERM Liberty quiesces: it stops listening, waits up to 30 s for the tasks of its
 * executor that began before the stop, then stops the application, the JAX-RS servlet first. A
 * request answered asynchronously is no such task once its thread is free, so a login still
 * hashing met a stopped pool (503) or a closed EntityManagerFactory (an empty reply): docker/smoke's
 * in-flight check, red in CI. Two measures close that gap:
 * <ul>
 *   <li>While answers are owed, one task (the keeper) waits until none is, and {@link #LINGER}
 *       more, so that a busy server keeps one keeper rather than starting one per request. It is
 *       started with {@code AsyncContext.start}, which Liberty runs as a task of its executor and
 *       so waits for; tasks of the managed executor it does not wait for (measured: the quiesce
 *       ended {@code LINGER} after the last login with the first, at once with the second).
 *   <li>Once the quiesce has begun, a task started then is not waited for. A request that finds no
 *       keeper at that point keeps its own thread instead ({@link #mustKeepThread()}): the login
 *       finishes on it, and the quiesce waits for the thread.
 * </ul>
 */
@ApplicationScoped
public class OwedAnswers {

    /** How long the keeper waits for the next answer before it gives up its thread. */
    static final Duration LINGER = Duration.ofSeconds(1);

    /** Only asked whether it takes tasks: Liberty's stop shuts it down first thing. */
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    Executor managed;

    public OwedAnswers() {}

    /** Outside the container: {@code managed} stands for the managed executor. */
    public OwedAnswers(Executor managed) {
        this.managed = managed;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition settled = lock.newCondition();
    private int owed;
    private volatile boolean keeperRunning; // written under the lock, read without it
    private boolean stopped;

    /**
     * Whether a request about to leave its thread must stay on it: true only while the server
     * stops and no keeper would make it wait for the answer.
     */
    public boolean mustKeepThread() {
        if (keeperRunning) {
            return false;
        }
        try {
            managed.execute(() -> {});
            return false;
        } catch (RejectedExecutionException stopping) {
            return true;
        }
    }

    /**
     * A request has left its thread, its answer to come; counted until {@link #paid()}.
     *
     * @param keeperThreads where a keeper starts if none runs: the request's {@code AsyncContext}
     */
    public void owe(Executor keeperThreads) {
        lock.lock();
        try {
            owed++;
            if (keeperRunning) {
                return;
            }
            keeperRunning = true;
        } finally {
            lock.unlock();
        }
        try {
            keeperThreads.execute(this::keep);
        } catch (RuntimeException notStarted) {
            lock.lock();
            try {
                keeperRunning = false;
            } finally {
                lock.unlock();
            }
            throw notStarted;
        }
    }

    /** The answer counted by {@link #owe} has been sent, or never will be. */
    public void paid() {
        lock.lock();
        try {
            if (--owed == 0) {
                settled.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    @PreDestroy
    void stop() {
        lock.lock();
        try {
            stopped = true;
            settled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The keeper: holds its task while answers are owed, and {@link #LINGER} after the last. */
    private void keep() {
        lock.lock();
        try {
            while (!stopped) {
                if (owed > 0) {
                    settled.await();
                    continue;
                }
                long left = LINGER.toNanos();
                while (owed == 0 && !stopped && left > 0) {
                    left = settled.awaitNanos(left);
                }
                if (owed == 0) {
                    return;
                }
            }
        } catch (InterruptedException shutdown) {
            Thread.currentThread().interrupt();
        } finally {
            keeperRunning = false; // still under the lock: an owe() after this starts a new keeper
            lock.unlock();
        }
    }
}
