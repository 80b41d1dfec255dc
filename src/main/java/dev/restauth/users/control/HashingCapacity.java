package dev.restauth.users.control;

/**
 * How much password hashing the {@link HashingExecutor} takes at once, derived from its settings
 * and the machine: its own rule, apart from the executor's mechanics, so that the sizes can be
 * checked for any core count without starting threads.
 *
 * @param threads hashing threads: {@code passwords.concurrency}, or one per core when 0, since
 *     more concurrent hashes only share the same cores more slowly
 * @param queue checks that may wait for a hashing thread ({@code queue-per-core} per core, at
 *     least one)
 * @param waitingThreads callers that may wait on their own (request) thread: never more than the
 *     threads and the queue hold, and at most half the server's request-thread floor when that is
 *     known, so that the other half always serves requests that hash nothing
 */
record HashingCapacity(int threads, int queue, int waitingThreads) {

    /**
     * @param requestThreads the server's floor of request threads, 0 when unknown
     */
    static HashingCapacity of(int concurrency, int queuePerCore, int requestThreads, int cores) {
        int threads = concurrency > 0 ? concurrency : cores;
        int queue = Math.max(1, queuePerCore * cores);
        int waiting = requestThreads > 0 ? Math.min(threads + queue, requestThreads / 2) : threads + queue;
        return new HashingCapacity(threads, queue, Math.max(1, waiting));
    }

    /** The startup line that says what was derived. */
    String describe(java.time.Duration maxWait) {
        return "Password hashing: %d thread(s), up to %d checks waiting, each at most %s; at most %d request threads wait for a check"
                .formatted(threads, queue, maxWait, waitingThreads);
    }
}
