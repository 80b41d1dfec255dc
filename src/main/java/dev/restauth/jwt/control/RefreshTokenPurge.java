package dev.restauth.jwt.control;

import dev.restauth.platform.control.SchemaReady;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Deletes expired refresh-token rows on a schedule, so the table cannot grow without bound. */
@ApplicationScoped
public class RefreshTokenPurge {

    private static final Logger LOG = System.getLogger(RefreshTokenPurge.class.getName());

    /** Rows per statement: each batch is its own short transaction, well within the timeouts. */
    static final int BATCH = 5_000;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    RefreshTokenStore store;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "jwt.purge.interval", defaultValue = "PT1H")
    Duration interval;

    void onSchemaReady(@Observes SchemaReady ready) {
        scheduler.scheduleWithFixedDelay(this::purge, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void purge() {
        try {
            Instant now = clock.instant();
            long purged = 0;
            int batch;
            do {
                batch = store.purgeExpired(now, BATCH);
                purged += batch;
            } while (batch == BATCH);
            LOG.log(Level.DEBUG, "Purged {0} expired refresh tokens", purged);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not purge expired refresh tokens; trying again later: {0}", e.getMessage());
        }
    }
}
