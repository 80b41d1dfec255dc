package dev.restauth.users.control;

import dev.restauth.errors.control.ApiError;
import dev.restauth.platform.control.OutcomeCounter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How a password check ended, for {@code restauth_password_checks_total} (every check: logins,
 * Basic, password changes) and {@code restauth_logins_total} (the login endpoints): bad
 * credentials include unknown and inactive users, which a client cannot tell apart either;
 * throttled is the 429 of an empty bucket; unavailable is a check that could not run (the
 * hashing queue full, PostgreSQL down).
 */
enum PasswordCheck {
    OK,
    BAD_CREDENTIALS,
    THROTTLED,
    UNAVAILABLE;

    static PasswordCheck of(boolean matched) {
        return matched ? OK : BAD_CREDENTIALS;
    }

    static PasswordCheck of(RuntimeException failure) {
        return ApiError.in(failure).filter(error -> error.status() == 429).isPresent() ? THROTTLED : UNAVAILABLE;
    }

    static OutcomeCounter<PasswordCheck> checks(MeterRegistry registry) {
        return OutcomeCounter.register(
                registry,
                "restauth.password.checks",
                "Password checks (logins, Basic, password changes), by outcome",
                PasswordCheck.class);
    }

    static OutcomeCounter<PasswordCheck> logins(MeterRegistry registry) {
        return OutcomeCounter.register(
                registry,
                "restauth.logins",
                "Logins at POST /api/token/ and /api/auth-token/, by outcome",
                PasswordCheck.class);
    }
}
