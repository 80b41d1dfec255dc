package dev.restauth.throttling.control;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The password checks under way on this node per bucket, for buckets that have recent failures.
 * Checks run concurrently (the hashing queue), so a bucket's tokens alone would let every check
 * that started before the first failure was counted through; a place is taken per running check,
 * so a bucket lets no more through than it has tokens left.
 */
final class RunningChecks {

    private final Map<String, Integer> running = new HashMap<>();

    /**
     * Takes a place for this check in every bucket with recent failures, if each has a token left
     * beyond the checks already running against it.
     *
     * @return 0 when reserved; otherwise the nanoseconds to wait, nothing reserved
     */
    synchronized long reserve(Map<String, ThrottleBuckets.Tokens> left) {
        long waitNanos = 0;
        for (Map.Entry<String, ThrottleBuckets.Tokens> bucket : left.entrySet()) {
            ThrottleBuckets.Tokens tokens = bucket.getValue();
            int underWay = running.getOrDefault(bucket.getKey(), 0);
            if (tokens.available() <= underWay) {
                // Empty: until a token is back. Held by running checks: they end within a hash.
                waitNanos = Math.max(waitNanos, tokens.available() > 0 ? 1 : Math.max(1, tokens.nanosToRefill()));
            }
        }
        if (waitNanos > 0) {
            return waitNanos;
        }
        left.keySet().forEach(id -> running.merge(id, 1, Integer::sum));
        return 0;
    }

    /** The check that reserved these places has ended, however. */
    synchronized void release(List<String> reserved) {
        reserved.forEach(id -> running.computeIfPresent(id, (key, count) -> count > 1 ? count - 1 : null));
    }
}
