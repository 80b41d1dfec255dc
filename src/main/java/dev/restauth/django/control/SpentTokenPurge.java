package dev.restauth.django.control;

import dev.restauth.platform.control.ExpiredRowPurge;
import dev.restauth.platform.control.SchemaReady;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes the remembered jtis of the old service's tokens once those tokens have expired (they
 * could not be exchanged then anyway), so that the table cannot grow without bound.
 */
@ApplicationScoped
public class SpentTokenPurge {

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
        ExpiredRowPurge.every(
                interval,
                scheduler,
                "the jtis of expired Django tokens",
                limit -> store.purgeExpired(clock.instant(), limit));
    }
}
