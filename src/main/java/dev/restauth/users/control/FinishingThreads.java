package dev.restauth.users.control;

import jakarta.enterprise.concurrent.ContextService;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a login continues once its hash is done: the throttle's bookkeeping, the audit line and
 * the tokens, on threads of our own with the context captured from the request that submitted the
 * check. Liberty's managed executor would do, except while the server quiesces on SIGTERM: it then
 * starts no new task, so the logins in flight never completed, the quiesce waited its 30 s and the
 * server stopped with their connections open (docker/smoke's in-flight check).
 */
final class FinishingThreads {

    private static final AtomicInteger CREATED = new AtomicInteger();

    private final ExecutorService threads;

    FinishingThreads(int count) {
        threads = Executors.newFixedThreadPool(count, work -> {
            Thread thread = HashingPool.DAEMON_THREADS.newThread(work);
            thread.setName("restauth-login-finish-" + CREATED.incrementAndGet());
            return thread;
        });
    }

    /** Next steps for the calling request: on a finishing thread, in the caller's context. */
    Executor forCaller(ContextService contexts) {
        Executor callersContext = contexts.currentContextExecutor();
        return work -> threads.execute(() -> callersContext.execute(work));
    }

    void shutdown() {
        threads.shutdown();
    }
}
