package dev.restauth.jwt.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The JWT settings (microprofile-config.properties lists them with their defaults). */
@ApplicationScoped
public class JwtSettings {

    static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

    @Inject
    @ConfigProperty(name = "jwt.issuer", defaultValue = "restauth")
    String issuer;

    @Inject
    @ConfigProperty(name = "jwt.audience", defaultValue = "restauth")
    String audience;

    @Inject
    @ConfigProperty(name = "jwt.access.lifetime", defaultValue = "PT5M")
    Duration accessLifetime;

    @Inject
    @ConfigProperty(name = "jwt.refresh.lifetime", defaultValue = "P1D")
    Duration refreshLifetime;

    @Inject
    @ConfigProperty(name = "jwt.refresh.rotate", defaultValue = "true")
    boolean rotateRefreshTokens;

    @Inject
    @ConfigProperty(name = "jwt.clock-skew", defaultValue = "PT30S")
    Duration clockSkew;

    /**
     * Read at every refresh that needs it (a configuration lookup, next to two signatures), so that
     * a test deployment can try several intervals without a restart.
     */
    @Inject
    @ConfigProperty(name = "jwt.refresh.reuse-interval", defaultValue = "PT0S")
    Provider<Duration> refreshReuseInterval;

    /** A negative interval stops the first request that needs the settings, not a later refresh. */
    @PostConstruct
    void validate() {
        refreshReuseInterval();
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    public Duration accessLifetime() {
        return accessLifetime;
    }

    public Duration refreshLifetime() {
        return refreshLifetime;
    }

    public boolean rotateRefreshTokens() {
        return rotateRefreshTokens;
    }

    /**
     * How long after its rotation a refresh token may come back and get the family's current pair
     * instead of revoking the family; zero is strict single use.
     *
     * @throws IllegalArgumentException if configured negative
     */
    public Duration refreshReuseInterval() {
        Duration interval = refreshReuseInterval.get();
        if (interval.isNegative()) {
            throw new IllegalArgumentException("jwt.refresh.reuse-interval must not be negative: " + interval);
        }
        return interval;
    }

    /** Never more than a minute, whatever is configured (RFC 8725 asks for a small leeway). */
    public int clockSkewSeconds() {
        return (int) Math.min(clockSkew.toSeconds(), MAX_CLOCK_SKEW.toSeconds());
    }

    public Duration longestLifetime() {
        return accessLifetime.compareTo(refreshLifetime) > 0 ? accessLifetime : refreshLifetime;
    }
}
