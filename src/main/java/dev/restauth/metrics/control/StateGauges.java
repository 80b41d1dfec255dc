package dev.restauth.metrics.control;

import dev.restauth.apitokens.control.VerifiedKeys;
import dev.restauth.jwt.control.SigningKeys;
import dev.restauth.jwt.control.TokenCodec;
import dev.restauth.platform.control.CacheMeters;
import dev.restauth.users.control.HashingLoad;
import dev.restauth.users.control.UserStatusCache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The meters that read state when Prometheus scrapes, rather than count events: the caches, the
 * password-check queue and the signing key's age. They live here, above the components they read
 * through public methods, so those components carry no gauge code; the counters of events live
 * in the components themselves, where the events happen.
 */
@ApplicationScoped
public class StateGauges {

    @Inject
    MeterRegistry registry;

    @Inject
    UserStatusCache userStatuses;

    @Inject
    VerifiedKeys apiKeys;

    @Inject
    TokenCodec accessTokens;

    @Inject
    HashingLoad passwordChecks;

    @Inject
    SigningKeys signingKeys;

    @Inject
    Clock clock;

    /** Held here: Micrometer keeps only weak references to what function meters read. */
    private List<CacheMeters> caches;

    void register(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        caches = List.of(
                new CacheMeters("user_status", userStatuses::stats, userStatuses::size).register(registry),
                new CacheMeters("api_token", apiKeys::stats, apiKeys::size).register(registry),
                new CacheMeters("access_token", accessTokens::stats, accessTokens::size).register(registry));
        Gauge.builder("restauth.password.checks.waiting", passwordChecks, HashingLoad::waiting)
                .description("Password checks waiting for a free hashing slot")
                .register(registry);
        Gauge.builder("restauth.password.checks.running", passwordChecks, HashingLoad::running)
                .description("Password checks hashing now")
                .register(registry);
        Gauge.builder("restauth.signing.key.age", this, StateGauges::signingKeyAgeSeconds)
                .description("Age of the key that signs new JWTs (NaN for a configured key)")
                .baseUnit("seconds")
                .register(registry);
    }

    private double signingKeyAgeSeconds() {
        return signingKeys
                .signerCreatedAt()
                .map(created -> Duration.between(created, clock.instant()).toMillis() / 1000.0)
                .orElse(Double.NaN);
    }
}
