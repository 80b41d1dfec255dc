package dev.restauth.apitokens.control;

import dev.restauth.apitokens.entity.ImportedKey;
import dev.restauth.apitokens.entity.TokenLogin;
import dev.restauth.errors.control.FieldErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The API-token endpoints' request records, checked and read in one place, with DRF's messages. */
@ApplicationScoped
public class ApiTokenRequests {

    static final String NEVER = "never";
    static final int MAX_NAME = 100;
    static final String BAD_EXPIRY = "Enter a positive ISO-8601 duration, such as P30D, or \"never\".";
    /** About a century: longer than any lifetime worth setting, short of any date PostgreSQL cannot store. */
    static final Duration MAX_LIFETIME = Duration.ofDays(36_500);

    /** DRF's max_value message, the bound written as the field is. */
    static final String TOO_LONG = "Ensure this value is less than or equal to P" + MAX_LIFETIME.toDays() + "D.";

    @Inject
    @ConfigProperty(name = "apitokens.default-lifetime", defaultValue = NEVER)
    String defaultLifetime;

    public void check(TokenLogin login) {
        new FieldErrors()
                .requireText("username", login.username())
                .requireText("password", login.password())
                .throwIfAny();
    }

    public void check(ImportedKey key) {
        if (key.key() == null) {
            throw FieldErrors.of("key", FieldErrors.REQUIRED);
        }
        if (!TokenKeys.isWellFormed(key.key())) {
            throw FieldErrors.of("key", "Enter a DRF token key: 40 lowercase hexadecimal characters.");
        }
    }

    /** The token's name: "default" when none is given, stripped, at most 100 characters. */
    public String label(String name) {
        if (name == null || name.isBlank()) {
            return "default";
        }
        if (name.length() > MAX_NAME) {
            throw FieldErrors.of("name", "Ensure this field has no more than " + MAX_NAME + " characters.");
        }
        if (name.indexOf('\0') >= 0) {
            throw FieldErrors.of("name", FieldErrors.NULL_CHARACTERS);
        }
        return name.strip();
    }

    /**
     * When a token issued now expires: after {@code expiresIn}, or the default lifetime; null for
     * never. Bounded on both sides, so that no value reaches the database as a date it cannot hold.
     */
    public Instant expiry(String expiresIn, Instant now) {
        String lifetime = (expiresIn == null ? defaultLifetime : expiresIn).strip();
        if (NEVER.equalsIgnoreCase(lifetime)) {
            return null;
        }
        Duration duration;
        try {
            duration = Duration.parse(lifetime);
        } catch (DateTimeParseException notADuration) { // overflowing numbers included
            throw FieldErrors.of("expires_in", BAD_EXPIRY);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw FieldErrors.of("expires_in", BAD_EXPIRY);
        }
        if (duration.compareTo(MAX_LIFETIME) > 0) {
            throw FieldErrors.of("expires_in", TOO_LONG);
        }
        return now.plus(duration);
    }
}
