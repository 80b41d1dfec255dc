package dev.restauth.apitokens.control;

import dev.restauth.apitokens.entity.ApiToken;
import dev.restauth.jwt.control.TestCodecs;
import dev.restauth.users.control.InMemoryUsers;
import dev.restauth.users.entity.User;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A Token request's key check: the HMAC digest, the cache of checked keys, and the lookup by
 * selector with the constant-time comparison (the table replaced by one in-memory row, so the SQL
 * round trip of a cache miss is not in these numbers).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ApiTokenLookupBenchmark {

    TokenKeys keys;
    ApiTokens cached;
    ApiTokens uncached;
    TokenAuthentication tokenAuthentication;
    String key;
    List<String> header;

    @Setup
    public void setUp() throws ReflectiveOperationException {
        Clock clock = Clock.systemUTC();
        byte[] pepperBytes = "a pepper for the benchmark, 32 b".getBytes(StandardCharsets.UTF_8);
        keys = new TokenKeys(pepperBytes);
        key = keys.newKey();
        header = List.of(key);
        ApiToken row = new ApiToken(1L, "bench", TokenKeys.selector(key), keys.digest(key), Instant.now(), null);
        Field id = ApiToken.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(row, 42L);

        cached = apiTokens(row, pepperBytes, clock, Duration.ofSeconds(10));
        // A negative lifetime: every check goes to the (in-memory) store again.
        uncached = apiTokens(row, pepperBytes, clock, Duration.ofNanos(-1));

        User user = TestCodecs.user(1, "bench");
        tokenAuthentication = new TokenAuthentication();
        tokenAuthentication.tokens = cached;
        tokenAuthentication.users = InMemoryUsers.statusCache(user, clock);
    }

    private ApiTokens apiTokens(ApiToken row, byte[] pepperBytes, Clock clock, Duration ttl) {
        String rowSelector = TokenKeys.selector(key);
        ApiTokens tokens = new ApiTokens();
        tokens.store = new ApiTokenStore() {
            @Override
            public List<ApiToken> withSelector(String selector) {
                return selector.equals(rowSelector) ? List.of(row) : List.of();
            }

            @Override
            public boolean touch(long tokenId, Instant now, Duration interval) {
                return true;
            }
        };
        tokens.pepper = new Pepper() {
            @Override
            public byte[] value() {
                return pepperBytes;
            }
        };
        tokens.clock = clock;
        tokens.cacheTtl = ttl;
        tokens.defaultLifetime = ApiTokens.NEVER;
        tokens.revokeOnPasswordChange = true;
        return tokens;
    }

    /** HMAC-SHA256 of one key under the pepper. */
    @Benchmark
    public String digest() {
        return keys.digest(key);
    }

    /** The steady state of a Token request: digest, then the cache of checked keys. */
    @Benchmark
    public Optional<ApiTokens.Verified> cachedLookup() {
        return cached.authenticate(key);
    }

    /** A cache miss: digest, the row by selector, constant-time comparison, liveness. */
    @Benchmark
    public Optional<ApiTokens.Verified> uncachedLookup() {
        return uncached.authenticate(key);
    }

    /** What the mechanism calls: header checks, the key, the user's cached status, last-used. */
    @Benchmark
    public TokenAuthentication.Outcome tokenRequest() {
        return tokenAuthentication.authenticate(header);
    }
}
