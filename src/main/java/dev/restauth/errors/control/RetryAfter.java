package dev.restauth.errors.control;

/**
 * Every fixed Retry-After the server sends, in one place ({@link ApiError#throttled} sends the
 * computed wait instead).
 */
public enum RetryAfter {
    /** PostgreSQL cannot be reached: long enough for a failover or a restart to be worth waiting for. */
    DATABASE_UNREACHABLE(5),
    /** Every password-check slot stayed busy: one comes free within a few hashes. */
    PASSWORD_CHECKS_BUSY(1);

    private final long seconds;

    RetryAfter(long seconds) {
        this.seconds = seconds;
    }

    public long seconds() {
        return seconds;
    }
}
