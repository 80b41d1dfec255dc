package dev.restauth.throttling.control;

import dev.restauth.platform.control.ClientAddress;
import dev.restauth.platform.control.SchemaReady;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits failed password checks per username and per client address, with token buckets kept in
 * PostgreSQL (Bucket4j) so that every node counts the same failures. Only failures take from the
 * buckets: a user who knows their password is never slowed down by their own logins, while an
 * attacker's guesses run dry and refill slowly (THR-01: at most ~70 failures per hour per account
 * with the defaults). Nobody is locked out for good: a bucket refills by itself (THR-02).
 *
 * <p>While a bucket is empty every attempt is refused before the password is looked at, the right
 * password included, so a throttled caller learns nothing. The check runs inside the hashing
 * bulkhead, which bounds how many attempts can pass it at once before their failures are counted.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = System.getLogger(LoginThrottle.class.getName());
    private static final String TABLE = "login_throttle";
    private static final int PURGE_BATCH = 1000;

    @Resource(lookup = "jdbc/restauth-throttle")
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ClientAddress clients;

    @Inject
    Clock clock;

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

    @Inject
    @ConfigProperty(name = "throttle.purge.interval", defaultValue = "PT10M")
    Duration purgeInterval;

    private PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private BucketConfiguration perUsername;
    private BucketConfiguration perAddress;

    @PostConstruct
    void init() {
        // A row lives until its bucket would be full again: an expired row means "no recent
        // failures", which lets the common case skip Bucket4j entirely (see keysWithFailures).
        buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
        perUsername = limit(usernameFailures, usernamePeriod);
        perAddress = limit(addressFailures, addressPeriod);
    }

    void onSchemaReady(@Observes SchemaReady ready) {
        long every = purgeInterval.toMillis();
        scheduler.scheduleWithFixedDelay(this::purge, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Refuses the attempt while the username's or the client's bucket is empty.
     *
     * @throws Throttled with the seconds until the next attempt is allowed
     */
    public void check(String username) {
        if (!enabled) {
            return;
        }
        long waitNanos = 0;
        for (Key key : keysWithFailures(keys(username))) {
            EstimationProbe probe =
                    buckets.builder().build(key.id(), key.limit()).estimateAbilityToConsume(1);
            if (!probe.canBeConsumed()) {
                waitNanos = Math.max(waitNanos, probe.getNanosToWaitForRefill());
            }
        }
        if (waitNanos > 0) {
            throw new Throttled(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
        }
    }

    /** Counts a failed password check against the username and the client address. */
    public void failed(String username) {
        if (!enabled) {
            return;
        }
        for (Key key : keys(username)) {
            buckets.builder().build(key.id(), key.limit()).tryConsume(1);
        }
    }

    void purge() {
        try {
            int purged = buckets.removeExpired(PURGE_BATCH);
            LOG.log(Level.DEBUG, "Purged {0} refilled login-throttle buckets", purged);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not purge login-throttle buckets; trying again later: {0}", e.getMessage());
        }
    }

    private record Key(String id, BucketConfiguration limit) {}

    private List<Key> keys(String username) {
        List<Key> keys = new ArrayList<>(2);
        keys.add(new Key("username:" + sha256(username == null ? "" : username), perUsername));
        Optional<String> address = clients.current();
        address.ifPresent(client -> keys.add(new Key("address:" + sha256(client), perAddress)));
        return keys;
    }

    /** One cheap read instead of a locking Bucket4j transaction per key: most keys have no row. */
    private List<Key> keysWithFailures(List<Key> keys) {
        List<Key> found = new ArrayList<>(keys.size());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT id FROM " + TABLE + " WHERE id = ANY (?) AND expires_at > ?")) {
            select.setArray(
                    1,
                    connection.createArrayOf(
                            "varchar", keys.stream().map(Key::id).toArray()));
            select.setLong(2, clock.millis());
            try (ResultSet rows = select.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
                keys.stream().filter(key -> ids.contains(key.id())).forEach(found::add);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the login-throttle buckets", e);
        }
        return found;
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
