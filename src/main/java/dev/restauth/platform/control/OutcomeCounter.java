package dev.restauth.platform.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.Locale;

/**
 * One counter per outcome of something (a token check, a login), all registered once when the
 * bean starts: counting is then an array index and an increment, never a registry lookup on the
 * request path. The outcome is the only label, besides fixed tags given at registration, so label
 * values stay bounded by the enum.
 *
 * @param <E> the outcomes; each one's name, in lower case, is its label value
 */
public final class OutcomeCounter<E extends Enum<E>> {

    private final Counter[] counters;

    private OutcomeCounter(Counter[] counters) {
        this.counters = counters;
    }

    /**
     * @param tags fixed label pairs (name, value, …) that every outcome's counter carries
     */
    public static <E extends Enum<E>> OutcomeCounter<E> register(
            MeterRegistry registry, String name, String description, Class<E> outcomes, String... tags) {
        return register(registry, name, description, "outcome", outcomes, tags);
    }

    /** The same, with the outcome under another label name. */
    public static <E extends Enum<E>> OutcomeCounter<E> register(
            MeterRegistry registry, String name, String description, String label, Class<E> outcomes, String... tags) {
        Counter[] counters = Arrays.stream(outcomes.getEnumConstants())
                .map(outcome -> Counter.builder(name)
                        .description(description)
                        .tags(tags)
                        .tag(label, outcome.name().toLowerCase(Locale.ROOT))
                        .register(registry))
                .toArray(Counter[]::new);
        return new OutcomeCounter<>(counters);
    }

    /** Counts nothing: what a bean holds until it has registered its meters (and in unit tests). */
    public static <E extends Enum<E>> OutcomeCounter<E> none() {
        return new OutcomeCounter<>(null);
    }

    public void count(E outcome) {
        if (counters != null) {
            counters[outcome.ordinal()].increment();
        }
    }

    public void count(E outcome, long times) {
        if (counters != null && times > 0) {
            counters[outcome.ordinal()].increment(times);
        }
    }
}
