package dev.restauth.apitokens.control;

import dev.restauth.apitokens.entity.LiveToken;
import dev.restauth.authentication.entity.Caller;
import dev.restauth.jwt.control.TestCodecs;
import dev.restauth.users.control.InMemoryUsers;
import java.time.Clock;
import java.time.Duration;
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

    InMemoryApiTokens table;
    VerifiedKeys cached;
    VerifiedKeys uncached;
    TokenScheme tokenScheme;
    String key;
    List<String> header;

    @Setup
    public void setUp() {
        Clock clock = Clock.systemUTC();
        table = new InMemoryApiTokens();
        key = table.issue(1, null);
        header = List.of(key);
        cached = table.verifiedKeys(clock, Duration.ofSeconds(10));
        // A zero lifetime: every check goes to the (in-memory) store again.
        uncached = table.verifiedKeys(clock, Duration.ZERO);

        tokenScheme = new TokenScheme();
        tokenScheme.keys = cached;
        tokenScheme.uses = table.tokenUses(clock);
        tokenScheme.users = new InMemoryUsers(TestCodecs.user(1, "bench")).statusCache(clock);
    }

    /** HMAC-SHA256 of one key under the pepper. */
    @Benchmark
    public String digest() {
        return table.keys.digest(key);
    }

    /** The steady state of a Token request: digest, then the cache of checked keys. */
    @Benchmark
    public Optional<LiveToken> cachedLookup() {
        return cached.authenticate(key);
    }

    /** A cache miss: digest, the row by selector, constant-time comparison, liveness. */
    @Benchmark
    public Optional<LiveToken> uncachedLookup() {
        return uncached.authenticate(key);
    }

    /** What the mechanism calls: header checks, the key, the user's cached status, last-used. */
    @Benchmark
    public Caller tokenRequest() {
        return tokenScheme.authenticate(header);
    }
}
