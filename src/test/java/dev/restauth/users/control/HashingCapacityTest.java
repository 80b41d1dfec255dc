package dev.restauth.users.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HashingCapacityTest {

    @ParameterizedTest(name = "concurrency {0}, queue/core {1}, request threads {2}, {3} cores")
    @CsvSource({
        // concurrency, queuePerCore, requestThreads, cores -> threads, queue, waitingThreads
        "0, 32, 0, 2, 2, 64, 66", // defaults: a thread per core, the whole queue may wait on threads
        "0, 32, 64, 2, 2, 64, 32", // half the request-thread floor
        "3, 32, 64, 2, 3, 64, 32", // an explicit concurrency
        "1, 1, 64, 4, 1, 4, 5", // never more waiting threads than threads and queue hold
        "1, 0, 0, 2, 1, 1, 2", // a queue of at least one
        "1, 1, 1, 1, 1, 1, 1", // at least one waiting thread, even when half the floor is 0
    })
    void sizesFollowTheSettingsAndTheMachine(
            int concurrency, int queuePerCore, int requestThreads, int cores, int threads, int queue, int waiting) {
        assertEquals(
                new HashingCapacity(threads, queue, waiting),
                HashingCapacity.of(concurrency, queuePerCore, requestThreads, cores));
    }
}
