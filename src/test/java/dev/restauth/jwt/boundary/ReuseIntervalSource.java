package dev.restauth.jwt.boundary;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Test-only MicroProfile config source in {@link RefreshReuseIntervalIT}'s archive: that
 * application's {@code jwt.refresh.reuse-interval}, set by each test (they run inside it). It
 * outranks every other source; the server the build started, and its other applications, never
 * see it.
 */
public class ReuseIntervalSource implements ConfigSource {

    static final String KEY = "jwt.refresh.reuse-interval";
    static volatile Duration interval = Duration.ZERO;

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(KEY, interval.toString());
    }

    @Override
    public String getValue(String name) {
        return KEY.equals(name) ? interval.toString() : null;
    }

    @Override
    public String getName() {
        return "restauth test: " + KEY;
    }

    @Override
    public int getOrdinal() {
        return 1000;
    }
}
