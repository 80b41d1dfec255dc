package dev.restauth.platform.control;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;

/**
 * How {@link ChangeListener} lives through losing its connection: the wait before each new
 * attempt doubles from {@code changes.listener.reconnect-delay} up to {@link #MAX_DELAY}, so that a
 * database that is down is not hammered, and an outage is logged once when it starts and once when
 * it ends, not once per failed attempt. One per listener thread; not thread-safe.
 */
final class ReconnectBackoff {

    /** The listener's logger: these lines are its, and operators filter on its name. */
    private static final Logger LOG = System.getLogger(ChangeListener.class.getName());

    static final Duration MAX_DELAY = Duration.ofSeconds(30);

    private final Duration firstDelay;
    private Duration delay;
    private Instant lostSince;

    ReconnectBackoff(Duration firstDelay) {
        this.firstDelay = firstDelay;
        this.delay = firstDelay;
    }

    /** Listening (again): says so, and the next outage starts over at the first delay. */
    void connected() {
        if (lostSince == null) {
            LOG.log(Level.INFO, "Listening for changes made on other nodes");
        } else {
            LOG.log(
                    Level.INFO,
                    "Listening for changes again after {0} s; every cache is flushed",
                    Duration.between(lostSince, Instant.now()).toSeconds());
        }
        lostSince = null;
        delay = firstDelay;
    }

    /** An attempt failed: how long to wait before the next one, each wait twice the last. */
    Duration failed(Exception failure) {
        if (lostSince == null) {
            lostSince = Instant.now();
            LOG.log(
                    Level.WARNING,
                    "Change listener lost its connection ({0}); reconnecting. Until then, changes made"
                            + " on other nodes apply here when the caches expire.",
                    failure.getMessage());
        } else {
            LOG.log(Level.DEBUG, "Change listener still cannot connect: {0}", failure.getMessage());
        }
        Duration wait = delay;
        delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
        return wait;
    }

    /** Waits as long as {@link #failed} says; false when interrupted: the application is stopping. */
    boolean waitAfter(Exception failure) {
        try {
            Thread.sleep(failed(failure).toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
