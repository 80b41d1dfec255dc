package dev.restauth.platform.control;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A Caffeine cache's statistics as meters, under Micrometer's usual cache names
 * ({@code cache_gets_total{cache, result="hit|miss"}}, {@code cache_evictions_total},
 * {@code cache_size}), so that common dashboards read them. They are read when Prometheus
 * scrapes, from the statistics Caffeine keeps anyway ({@code recordStats()}): nothing is added to
 * a request. The statistics come from a supplier, so that a cache replaced at runtime (the JWT
 * verifier's, on a new key set) can report the sum of its generations.
 *
 * <p>Micrometer holds the state behind a function meter weakly: whoever registers one keeps it.
 */
public record CacheMeters(String cache, Supplier<CacheStats> stats, LongSupplier size) {

    /** One help text per metric name: Prometheus keeps one. */
    private static final String GETS = "Cache lookups, by whether they found an entry";

    public CacheMeters register(MeterRegistry registry) {
        FunctionCounter.builder("cache.gets", this, meters -> meters.stats.get().hitCount())
                .description(GETS)
                .tags("cache", cache, "result", "hit")
                .register(registry);
        FunctionCounter.builder("cache.gets", this, meters -> meters.stats.get().missCount())
                .description(GETS)
                .tags("cache", cache, "result", "miss")
                .register(registry);
        FunctionCounter.builder(
                        "cache.evictions", this, meters -> meters.stats.get().evictionCount())
                .description("Entries dropped for size or age")
                .tags("cache", cache)
                .register(registry);
        Gauge.builder("cache.size", this, meters -> meters.size.getAsLong())
                .description("Entries in the cache now (approximate)")
                .tags("cache", cache)
                .register(registry);
        return this;
    }
}
