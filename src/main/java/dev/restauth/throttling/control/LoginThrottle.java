package dev.restauth.throttling.control;

import dev.restauth.audit.control.Audit;
import dev.restauth.audit.entity.AuditEvent.Type;
import dev.restauth.errors.control.ApiError;
import dev.restauth.platform.control.ClientAddress;
import io.github.bucket4j.BucketConfiguration;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits failed password checks per username and per client address, with token buckets kept in
 * PostgreSQL ({@link ThrottleBuckets}) so that every node counts the same failures. Only failures
 * take from the buckets: a user who knows their password is never slowed down by their own
 * logins, while an attacker's guesses run dry and refill slowly (THR-01: at most ~70 failures per
 * hour per account with the defaults). Nobody is locked out for good: a bucket refills by itself
 * (THR-02).
 *
 * <p>While a bucket is empty every attempt is refused before the password is looked at, the right
 * password included, so a throttled caller learns nothing. The check runs inside the hashing
 * bulkhead, which bounds how many attempts can pass it at once before their failures are counted.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    ThrottleBuckets buckets;

    @Inject
    ClientAddress clients;

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
    @ConfigProperty(name = "throttle.address.failures", defaultValue = "50")
    long addressFailures;

    @Inject
    @ConfigProperty(name = "throttle.address.period", defaultValue = "PT10M")
    Duration addressPeriod;

    private BucketConfiguration perUsername;
    private BucketConfiguration perAddress;

    @PostConstruct
    void init() {
        perUsername = limit(usernameFailures, usernamePeriod);
        perAddress = limit(addressFailures, addressPeriod);
    }

    /**
     * Refuses (and audits) the attempt while the username's or the client's bucket is empty.
     *
     * @throws ApiError DRF's 429, with the seconds until the next attempt is allowed
     */
    public void check(String username) {
        if (!enabled) {
            return;
        }
        long waitNanos = buckets.waitNanos(keys(username));
        if (waitNanos > 0) {
            ApiError throttled = ApiError.throttled(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
            audit.record(Type.LOGIN_THROTTLED, username, throttled.body().detail());
            throw throttled;
        }
    }

    /** Counts a failed password check against the username and the client address. */
    public void failed(String username) {
        if (enabled) {
            buckets.take(keys(username));
        }
    }

    private List<ThrottleBuckets.Key> keys(String username) {
        List<ThrottleBuckets.Key> keys = new ArrayList<>(2);
        keys.add(new ThrottleBuckets.Key("username:" + sha256(username == null ? "" : username), perUsername));
        clients.current()
                .ifPresent(client -> keys.add(new ThrottleBuckets.Key("address:" + sha256(client), perAddress)));
        return keys;
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
