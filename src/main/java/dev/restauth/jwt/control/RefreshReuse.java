package dev.restauth.jwt.control;

import dev.restauth.audit.control.Audit;
import dev.restauth.audit.entity.AuditEvent.Type;
import dev.restauth.jwt.entity.RefreshToken;
import dev.restauth.platform.control.OutcomeCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What becomes of a refresh token presented again: after its rotation it means two parties hold
 * it, and its family dies (RFC 9700 §4.14.2) — unless it comes back within {@code
 * jwt.refresh.reuse-interval}, where a lost answer or a second tab is the likelier cause. Also
 * counts every outcome of a presented refresh token, for the metrics.
 */
@ApplicationScoped
public class RefreshReuse {

    /** What became of a refresh token presented to refresh or blacklist, for the metrics. */
    enum RefreshOutcome {
        /** Refreshed with rotation off: the same refresh token lives on. */
        REFRESHED,
        /** Refreshed and rotated: a new refresh token replaces it. */
        ROTATED,
        /** Blacklisted at logout, its family with it. */
        BLACKLISTED,
        /** Came back after rotation, within {@code jwt.refresh.reuse-interval}: a retry, answered. */
        RETRIED,
        /** Came back after rotation: its family was revoked. */
        REUSE_DETECTED
    }

    @Inject
    RefreshTokenStore refreshTokens;

    @Inject
    JwtSettings settings;

    @Inject
    Audit audit;

    @Inject
    MeterRegistry meters;

    private OutcomeCounter<RefreshOutcome> outcomes = OutcomeCounter.none();

    @PostConstruct
    void registerMeters() {
        outcomes = OutcomeCounter.register(
                meters,
                "restauth.refresh.tokens",
                "Refresh tokens presented and accepted or caught, by what became of them",
                RefreshOutcome.class);
    }

    /**
     * Created at startup, so that the counter's series are scraped at zero before the first
     * refresh (as they were when the login's bean registered them), not missing.
     */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the observer only makes CDI create the bean, which runs registerMeters()
    }

    void count(RefreshOutcome outcome) {
        outcomes.count(outcome);
    }

    /** If the token was rotated before, whoever presents it now is replaying it: end the family. */
    void reused(String jti, String username, Instant now) {
        RefreshToken current = refreshTokens.find(jti).orElseThrow();
        if (current.isRotated() && !current.isBlacklisted()) {
            refreshTokens.revokeFamily(current.familyId(), now);
            outcomes.count(RefreshOutcome.REUSE_DETECTED);
            audit.record(
                    Type.REFRESH_REUSE_DETECTED,
                    username,
                    "a rotated refresh token came back; refresh family " + current.familyId() + " revoked");
        }
    }

    /** The live token of the family of a token rotated within the reuse interval, if any. */
    Optional<RefreshToken> recentlyRotated(String jti, Instant now) {
        Duration window = settings.refreshReuseInterval();
        if (window.isZero()) {
            return Optional.empty();
        }
        return refreshTokens.currentOfRecentlyRotated(jti, now.minus(window), now);
    }
}
