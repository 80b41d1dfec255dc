package dev.restauth.platform.control;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;

/**
 * How this server deletes rows that have expired (refresh tokens, the jtis of spent Django tokens,
 * refilled throttle buckets): on a schedule, in batches that are each their own short
 * transaction, until a batch comes back short. A run that fails is logged and tried again at the
 * next interval: expired rows cost only space, never correctness.
 */
public final class ExpiredRowPurge {

    /** Rows per statement: each batch is its own short transaction, well within the timeouts. */
    public static final int BATCH = 5_000;

    private static final Logger LOG = System.getLogger(ExpiredRowPurge.class.getName());

    private ExpiredRowPurge() {}

    /**
     * Runs {@link #run} every {@code interval}, the first time one interval from now.
     *
     * @param what the rows, for the log ("expired refresh tokens")
     * @param batch deletes at most the given number of expired rows, in its own transaction, and
     *     says how many it deleted
     */
    public static void every(
            Duration interval, ScheduledExecutorService scheduler, String what, IntUnaryOperator batch) {
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(() -> run(what, batch), millis, millis, TimeUnit.MILLISECONDS);
    }

    /** One purge: batches until one deletes fewer than {@link #BATCH} rows. Never throws. */
    public static long run(String what, IntUnaryOperator batch) {
        long purged = 0;
        try {
            int deleted;
            do {
                deleted = batch.applyAsInt(BATCH);
                purged += deleted;
            } while (deleted == BATCH);
            LOG.log(Level.DEBUG, "Purged {0} {1}", purged, what);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not purge {0}; trying again later: {1}", what, e.getMessage());
        }
        return purged;
    }
}
