package dev.restauth.jwt.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    /** Never more than a minute, whatever is configured (RFC 8725 asks for a small leeway). */
    public int clockSkewSeconds() {
        return (int) Math.min(clockSkew.toSeconds(), MAX_CLOCK_SKEW.toSeconds());
    }

    public Duration longestLifetime() {
        return accessLifetime.compareTo(refreshLifetime) > 0 ? accessLifetime : refreshLifetime;
    }
}
