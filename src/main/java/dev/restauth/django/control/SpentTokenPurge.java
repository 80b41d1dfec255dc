package dev.restauth.django.control;

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

/**
 * Deletes the remembered jtis of the old service's tokens once those tokens have expired (they
 * could not be exchanged then anyway), so that the table cannot grow without bound.
 */
@ApplicationScoped
public class SpentTokenPurge {

    private static final Logger LOG = System.getLogger(SpentTokenPurge.class.getName());

    /** Rows per statement: each batch is its own short transaction. */
    static final int BATCH = 5_000;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    SpentTokens store;

    @Inject
    Clock clock;

    /** The same rhythm as the refresh-token purge: expired rows only cost space. */
    @Inject
    @ConfigProperty(name = "jwt.purge.interval", defaultValue = "PT1H")
    Duration interval;

    void onSchemaReady(@Observes SchemaReady ready) {
        scheduler.scheduleWithFixedDelay(this::purge, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void purge() {
        try {
            Instant now = clock.instant();
            int batch;
            do {
                batch = store.purgeExpired(now, BATCH);
            } while (batch == BATCH);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Could not purge the jtis of expired Django tokens; trying again later: {0}",
                    e.getMessage());
        }
    }
}
