package dev.restauth.users.control;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The {@code restauth_password_hash} timer of {@link Passwords}: its buckets are chosen around
 * OWASP's Argon2id cost (tens of ms on one core) up to a queue-bound second, so that a change of
 * the Argon2 parameters or a slower machine shows in the histogram, not only in the mean.
 */
final class PasswordHashTimer {

    private PasswordHashTimer() {}

    static Timer register(MeterRegistry meters) {
        return Timer.builder("restauth.password.hash")
                .description("Time to hash or verify one password (Argon2id, or Django's PBKDF2 for imported users)")
                .serviceLevelObjectives(
                        Duration.ofMillis(10),
                        Duration.ofMillis(25),
                        Duration.ofMillis(50),
                        Duration.ofMillis(100),
                        Duration.ofMillis(250),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1))
                .register(meters);
    }
}
