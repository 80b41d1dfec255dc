package dev.restauth.jwt.control;

import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * How long {@link VerifiedTokens} keeps a verified access token: a little past its expiry by
 * jose4j's rule (expired once {@code now - skew >= exp}). {@link TokenCodec} checks expiry on every
 * hit and says "Token is expired"; this only makes room. Reading a token does not extend it.
 */
final class UntilExpired implements Expiry<String, JsonWebToken> {

    /** Kept a minute longer than the token is valid: the check on every hit, not eviction, decides. */
    private static final long GRACE_SECONDS = 60;

    private final Clock clock;
    private final int skewSeconds;

    UntilExpired(Clock clock, int skewSeconds) {
        this.clock = clock;
        this.skewSeconds = skewSeconds;
    }

    @Override
    public long expireAfterCreate(String token, JsonWebToken jwt, long currentTime) {
        long seconds = jwt.getExpirationTime()
                + skewSeconds
                + GRACE_SECONDS
                - clock.instant().getEpochSecond();
        return TimeUnit.SECONDS.toNanos(Math.max(0, seconds));
    }

    @Override
    public long expireAfterUpdate(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
        return expireAfterCreate(token, jwt, currentTime);
    }

    @Override
    public long expireAfterRead(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
        return currentDuration;
    }
}
