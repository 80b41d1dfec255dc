package dev.restauth.throttling.control;

import io.github.bucket4j.BucketConfiguration;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The buckets a login attempt can be counted in, each sized by its {@code throttle.*} keys and
 * named by digest. Apart from {@link LoginThrottle}, which decides which of them apply, so that
 * the configuration and the naming of rows are read in one place.
 */
@ApplicationScoped
public class LoginLimits {

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

    @PostConstruct
    void init() {
        perAccountAndAddress = limit(usernameFailures, usernamePeriod);
        perAccount = limit(ceilingFailures, ceilingPeriod);
        perAddress = limit(addressFailures, addressPeriod);
        knownClient = limit(1, knownClientPeriod);
    }

    /** An account from one address ({@code throttle.username.*}); a null address is one of its own. */
    ThrottleBuckets.Key accountAtAddress(String account, String address) {
        return key("pair:", account + "\n" + (address == null ? "" : address), perAccountAndAddress);
    }

    /** An account from everywhere ({@code throttle.username.ceiling.*}). */
    ThrottleBuckets.Key account(String account) {
        return key("account:", account, perAccount);
    }

    /** An address, whatever the accounts ({@code throttle.address.*}). */
    ThrottleBuckets.Key address(String address) {
        return key("address:", address, perAddress);
    }

    /** Whether the account logged in from this address lately ({@code throttle.known-client.period}). */
    ThrottleBuckets.Key knownClient(String account, String address) {
        return key("known:", account + "\n" + address, knownClient);
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
