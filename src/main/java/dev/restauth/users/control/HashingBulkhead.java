package dev.restauth.users.control;

import dev.restauth.errors.control.ApiError;
import dev.restauth.errors.control.RetryAfter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds how many password checks run at once. Each Argon2id check costs ~30 ms of CPU and 19 MiB:
 * a login flood would otherwise starve every other request of CPU (and the heap of memory).
 * Checks beyond the limit wait their turn; one that cannot start within the wait gets 503 quickly,
 * so token validation for everyone else keeps working (security.md I11).
 */
@ApplicationScoped
public class HashingBulkhead implements HashingLoad {

    @Inject
    @ConfigProperty(name = "passwords.concurrency", defaultValue = "0")
    int concurrency;

    @Inject
    @ConfigProperty(name = "passwords.concurrency.max-wait", defaultValue = "PT5S")
    Duration maxWait;

    private int permits;
    private Semaphore slots;

    @PostConstruct
    void init() {
        // 0 means one slot per core: more concurrent hashes only share the same cores more slowly.
        permits = concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
        slots = new Semaphore(permits, true);
    }

    @Override
    public int waiting() {
        return slots.getQueueLength();
    }

    @Override
    public int running() {
        return permits - slots.availablePermits();
    }

    public <T> T run(Supplier<T> passwordWork) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw ApiError.unavailable(RetryAfter.PASSWORD_CHECKS_BUSY);
        }
        try {
            return passwordWork.get();
        } finally {
            slots.release();
        }
    }
}
