package dev.restauth.users.control;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The hashing threads and their bounded queue, apart from the {@link HashingExecutor}'s rules of
 * who may wait and for how long: a fixed number of threads that run nothing but hashes, and a
 * queue that refuses at once when full rather than growing.
 */
final class HashingPool {

    /**
     * Plain daemon threads, not the container's ManagedThreadFactory: Liberty holds back a managed
     * thread created while the application starts until it has started, and the first admin's
     * password is hashed during start-up (it waited out its deadline and no admin was created).
     * Hashing needs no container context, and the pool ends with the application ({@link
     * #shutdown}).
     */
    static final ThreadFactory DAEMON_THREADS = work -> {
        Thread thread = new Thread(work);
        thread.setDaemon(true);
        thread.setContextClassLoader(HashingPool.class.getClassLoader());
        return thread;
    };

    private final ThreadPoolExecutor pool;

    HashingPool(HashingCapacity capacity, ThreadFactory threadFactory) {
        AtomicInteger created = new AtomicInteger();
        pool = new ThreadPoolExecutor(
                capacity.threads(),
                capacity.threads(),
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(capacity.queue()),
                work -> {
                    Thread thread = threadFactory.newThread(work);
                    thread.setName("restauth-password-hashing-" + created.incrementAndGet());
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Queues {@code hashing}; an expired task leaves the queue at once, so that its place is free.
     *
     * @throws dev.restauth.errors.control.ApiError 503 with Retry-After when the queue is full
     */
    <T> HashingTask<T> enqueue(Supplier<T> hashing) {
        HashingTask<T> task = new HashingTask<>(hashing, pool::remove);
        try {
            pool.execute(task);
        } catch (RejectedExecutionException full) {
            throw HashingTask.busy();
        }
        return task;
    }

    /** Checks waiting for a hashing thread now. */
    int waiting() {
        return pool.getQueue().size();
    }

    /** Checks hashing now. */
    int running() {
        return pool.getActiveCount();
    }

    void shutdown() {
        pool.shutdownNow();
    }
}
