/**
 * Prometheus metrics: the one Micrometer registry, {@code GET /metrics} behind our own mechanism
 * (role {@code metrics} or {@code admin}), and the gauges that read other components' state at
 * scrape time. Components count their own events on the registry ({@code @Inject MeterRegistry}),
 * with counters registered once, so a request pays an increment and never a lookup. Liberty's
 * mpMetrics is not used: it serves its own /metrics over HTTPS to Liberty's management roles,
 * outside our mechanism, and instruments every request. It sits on top: nothing depends on it.
 */
package dev.restauth.metrics;
