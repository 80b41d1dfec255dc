package dev.restauth.users.entity;

import java.time.Instant;

/**
 * The rule of a user's token watermark ({@code tokens_valid_after}), which ends every session at
 * once without a row per token: a token is refused when its {@code iat} (whole seconds, as JWT
 * has it) is below the watermark. Revoking raises it above every token issued so far, and a token
 * issued from then on gets an {@code iat} never below it, so that a token issued in the same second
 * as a revocation is not taken for one issued before it.
 */
final class TokenWatermark {

    private TokenWatermark() {}

    /** A new user's: every token issued from its creation on is valid. */
    static Instant initial(Instant created) {
        return Instant.ofEpochSecond(created.getEpochSecond());
    }

    /** Above every token issued up to {@code now}. */
    static Instant raised(Instant watermark, Instant now) {
        return issuedAt(watermark, now).plusSeconds(1);
    }

    /** The {@code iat} for a token issued now: whole seconds, and not below the watermark. */
    static Instant issuedAt(Instant watermark, Instant now) {
        Instant second = Instant.ofEpochSecond(now.getEpochSecond());
        return second.isBefore(watermark) ? watermark : second;
    }

    /** Whether a token issued at {@code issuedAt} was revoked by the watermark. */
    static boolean revokes(Instant watermark, Instant issuedAt) {
        return issuedAt.isBefore(watermark);
    }
}
