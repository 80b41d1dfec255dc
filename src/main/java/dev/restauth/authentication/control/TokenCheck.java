package dev.restauth.authentication.control;

import dev.restauth.platform.control.OutcomeCounter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How a Bearer or Token check ended, for {@code restauth_token_checks_total{scheme, outcome}}:
 * what an operator tells apart when logins break (expired tokens: a client that does not
 * refresh; invalid: a wrong key or an attack; revoked: after logout-all; inactive: a deactivated
 * or deleted user).
 */
public enum TokenCheck {
    ACCEPTED,
    EXPIRED,
    INVALID,
    REVOKED,
    INACTIVE;

    /** The scheme's counters, one per outcome, registered once. */
    public static OutcomeCounter<TokenCheck> counter(MeterRegistry registry, String scheme) {
        return OutcomeCounter.register(
                registry,
                "restauth.token.checks",
                "Bearer and Token credentials checked, by scheme and outcome",
                TokenCheck.class,
                "scheme",
                scheme);
    }
}
