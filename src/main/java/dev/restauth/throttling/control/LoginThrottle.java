package dev.restauth.throttling.control;

import dev.restauth.audit.control.Audit;
import dev.restauth.audit.entity.AuditEvent.Type;
import dev.restauth.errors.control.ApiError;
import dev.restauth.platform.entity.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits failed password checks so that they cost the party making them, not the account's owner
 * or the other people behind the same address. Token buckets in PostgreSQL ({@link
 * ThrottleBuckets}), so every node counts the same failures; only failures take from them, and they
 * refill by themselves: nobody is locked out for good (THR-02).
 *
 * <ul>
 *   <li><b>An account from one address</b> ({@code throttle.username.*}): guessing one account's
 *       password from one place. Its owner logging in from anywhere else is not affected.
 *   <li><b>An address</b> ({@code throttle.address.*}): credential stuffing, many accounts from one
 *       place. When it is empty, only accounts that have logged in successfully from that address
 *       recently ({@code throttle.known-client.period}) still get in from it: the regulars behind a
 *       busy NAT or proxy keep working, a stuffer's next account does not.
 *   <li><b>An account from everywhere</b> ({@code throttle.username.ceiling.*}): guessing from many
 *       addresses. High enough that one address cannot empty it, and it refuses only addresses the
 *       account has not logged in from recently.
 * </ul>
 *
 * <p>While a bucket that applies is empty every attempt is refused before the password is looked
 * at, the right password included, so a throttled caller learns nothing. Checks run concurrently
 * (the hashing queue), so a bucket with recent failures also counts the checks still running
 * against it ({@link RunningChecks}): it lets no more through than it has tokens left. The buckets
 * and their sizes are {@link LoginLimits}.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    ThrottleBuckets buckets;

    @Inject
    Audit audit;

    @Inject
    @ConfigProperty(name = "throttle.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    LoginLimits limits;

    /** The checks under way on this node: state of this bean alone, with no configuration to inject. */
    private final RunningChecks running = new RunningChecks();

    /**
     * A password check is about to run: refused (and audited) while a bucket that applies is
     * empty, or held by checks still under way.
     *
     * @return the attempt, to be told how the check ended
     * @throws ApiError DRF's 429, with the seconds until the next attempt is allowed
     */
    public Attempt begin(String username, RequestOrigin origin) {
        if (!enabled) {
            return new Attempt(List.of(), List.of(), null);
        }
        String account = username == null ? "" : username;
        String address = origin.address();
        List<ThrottleBuckets.Key> counted = new ArrayList<>(3);
        ThrottleBuckets.Key pair = limits.accountAtAddress(account, address);
        counted.add(pair);
        counted.add(limits.account(account));
        ThrottleBuckets.Key known = null;
        if (address != null) {
            counted.add(limits.address(address));
            known = limits.knownClient(account, address);
        }
        List<ThrottleBuckets.Key> read = new ArrayList<>(counted);
        if (known != null) {
            read.add(known);
        }
        Set<String> withRows = buckets.withRows(read);
        boolean knownHere = known != null && withRows.contains(known.id());
        // A known client is held back by its own failures from here only.
        List<ThrottleBuckets.Key> applying = knownHere ? List.of(pair) : counted;
        Map<String, ThrottleBuckets.Tokens> left = new HashMap<>();
        for (ThrottleBuckets.Key key : applying) {
            if (withRows.contains(key.id())) {
                left.put(key.id(), buckets.tokens(key));
            }
        }
        long waitNanos = running.reserve(left);
        if (waitNanos > 0) {
            ApiError throttled = ApiError.throttled(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
            audit.record(Type.LOGIN_THROTTLED, username, throttled.body().detail(), origin);
            throw throttled;
        }
        return new Attempt(counted, List.copyOf(left.keySet()), knownHere ? null : known);
    }

    /** One password check between {@link #begin} and its outcome; tell it exactly one outcome. */
    public final class Attempt {

        private final List<ThrottleBuckets.Key> counted;
        private final List<String> reserved;
        private final ThrottleBuckets.Key newlyKnown;

        private Attempt(List<ThrottleBuckets.Key> counted, List<String> reserved, ThrottleBuckets.Key newlyKnown) {
            this.counted = counted;
            this.reserved = reserved;
            this.newlyKnown = newlyKnown;
        }

        /** The password was wrong: counts against the account here, everywhere, and the address. */
        public void failed() {
            try {
                if (!counted.isEmpty()) {
                    buckets.take(counted);
                }
            } finally {
                running.release(reserved);
            }
        }

        /** The password was right: this account is known at this address from now on. */
        public void succeeded() {
            running.release(reserved);
            if (newlyKnown != null) {
                buckets.take(List.of(newlyKnown));
            }
        }

        /** The check did not run to an outcome (busy, unavailable): nothing to count. */
        public void abandoned() {
            running.release(reserved);
        }
    }
}
