package dev.restauth.jwt.control;

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

/** Deletes expired refresh-token rows on a schedule, so the table cannot grow without bound. */
@ApplicationScoped
public class RefreshTokenPurge {

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
        ExpiredRowPurge.every(
                interval, scheduler, "expired refresh tokens", limit -> store.purgeExpired(clock.instant(), limit));
    }
}
