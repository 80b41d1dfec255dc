package dev.restauth.throttling.control;

import dev.restauth.audit.control.Audit;
import dev.restauth.audit.entity.AuditEvent.Type;
import dev.restauth.errors.control.ApiError;
import dev.restauth.platform.entity.RequestOrigin;
import io.github.bucket4j.BucketConfiguration;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
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
 * against it: it lets no more through than it has tokens left.
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
    @ConfigProperty(name = "throttle.username.failures", defaultValue = "10")
    long usernameFailures;

    @Inject
    @ConfigProperty(name = "throttle.username.period", defaultValue = "PT10M")
    Duration usernamePeriod;

    @Inject
    @ConfigProperty(name = "throttle.username.ceiling.failures", defaultValue = "100")
    long ceilingFailures;

    @Inject
    @ConfigProperty(name = "throttle.username.ceiling.period", defaultValue = "PT1H")
    Duration ceilingPeriod;

    @Inject
    @ConfigProperty(name = "throttle.address.failures", defaultValue = "50")
    long addressFailures;

    @Inject
    @ConfigProperty(name = "throttle.address.period", defaultValue = "PT10M")
    Duration addressPeriod;

    @Inject
    @ConfigProperty(name = "throttle.known-client.period", defaultValue = "P30D")
    Duration knownClientPeriod;

    private BucketConfiguration perAccountAndAddress;
    private BucketConfiguration perAccount;
    private BucketConfiguration perAddress;
    /** One token that comes back after the period: its row says "logged in from here lately". */
    private BucketConfiguration knownClient;

    /** Checks under way on this node per bucket, for buckets that have recent failures. */
    private final Map<String, Integer> running = new HashMap<>();

    @PostConstruct
    void init() {
        perAccountAndAddress = limit(usernameFailures, usernamePeriod);
        perAccount = limit(ceilingFailures, ceilingPeriod);
        perAddress = limit(addressFailures, addressPeriod);
        knownClient = limit(1, knownClientPeriod);
    }

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
        ThrottleBuckets.Key pair =
                key("pair:", account + "\n" + (address == null ? "" : address), perAccountAndAddress);
        counted.add(pair);
        counted.add(key("account:", account, perAccount));
        ThrottleBuckets.Key known = null;
        if (address != null) {
            counted.add(key("address:", address, perAddress));
            known = key("known:", account + "\n" + address, knownClient);
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
        long waitNanos = reserve(left);
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
                release(reserved);
            }
        }

        /** The password was right: this account is known at this address from now on. */
        public void succeeded() {
            release(reserved);
            if (newlyKnown != null) {
                buckets.take(List.of(newlyKnown));
            }
        }

        /** The check did not run to an outcome (busy, unavailable): nothing to count. */
        public void abandoned() {
            release(reserved);
        }
    }

    /**
     * Takes a place for this check in every bucket with recent failures, if each has a token left
     * beyond the checks already running against it.
     *
     * @return 0 when reserved; otherwise the nanoseconds to wait, nothing reserved
     */
    private synchronized long reserve(Map<String, ThrottleBuckets.Tokens> left) {
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

    private synchronized void release(List<String> reserved) {
        reserved.forEach(id -> running.computeIfPresent(id, (key, count) -> count > 1 ? count - 1 : null));
    }

    private static ThrottleBuckets.Key key(String kind, String value, BucketConfiguration limit) {
        return new ThrottleBuckets.Key(kind + sha256(value), limit);
    }

    private static BucketConfiguration limit(long failures, Duration period) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(failures).refillGreedy(failures, period))
                .build();
    }

    /** Buckets are named by digest: the table holds no usernames or addresses, and any input fits. */
    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
