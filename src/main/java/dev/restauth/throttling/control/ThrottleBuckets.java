package dev.restauth.throttling.control;

import dev.restauth.platform.control.ExpiredRowPurge;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token buckets in the {@code login_throttle} table (Bucket4j's PostgreSQL proxy manager),
 * read cheaply first and purged once they have refilled. A row lives until its bucket would be
 * full again, so an expired row means "no recent failures" and most checks skip Bucket4j's
 * locking transaction entirely.
 */
@ApplicationScoped
public class ThrottleBuckets {

    private static final String TABLE = "login_throttle";

    /** One bucket: its row id (a digest) and its limit. */
    record Key(String id, BucketConfiguration limit) {}

    @Resource(lookup = "jdbc/restauth-throttle")
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "throttle.purge.interval", defaultValue = "PT10M")
    Duration purgeInterval;

    private PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    @PostConstruct
    void init() {
        buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
    }

    void onSchemaReady(@Observes SchemaReady ready) {
        ExpiredRowPurge.every(purgeInterval, scheduler, "refilled login-throttle buckets", buckets::removeExpired);
    }

    /** What is left in a bucket: its tokens, and the nanoseconds until the next one when it has none. */
    record Tokens(long available, long nanosToRefill) {}

    /** The buckets' tokens, with a locking read of its row (one with recent failures). */
    Tokens tokens(Key key) {
        EstimationProbe probe = buckets.builder().build(key.id(), key.limit()).estimateAbilityToConsume(1);
        return new Tokens(probe.getRemainingTokens(), probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill());
    }

    void take(List<Key> keys) {
        for (Key key : keys) {
            buckets.builder().build(key.id(), key.limit()).tryConsume(1);
        }
    }

    /**
     * Which of these buckets have a live row: one cheap read instead of a locking Bucket4j
     * transaction per key, since most keys have none (no recent failures: a full bucket).
     */
    Set<String> withRows(List<Key> keys) {
        Set<String> found = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT id FROM " + TABLE + " WHERE id = ANY (?) AND expires_at > ?")) {
            select.setArray(
                    1,
                    connection.createArrayOf(
                            "varchar", keys.stream().map(Key::id).toArray()));
            select.setLong(2, clock.millis());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the login-throttle buckets", e);
        }
        return found;
    }
}
