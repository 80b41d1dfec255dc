package dev.restauth.jwt.control;

import dev.restauth.authentication.entity.Caller;
import dev.restauth.users.control.InMemoryUsers;
import dev.restauth.users.entity.User;
import io.smallrye.jwt.auth.cdi.PrincipalProducer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;
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
 * A Bearer request's scheme, built as CDI builds it (TestCodecs): SmallRye JWT's parser with
 * our key set, and the user status cache in front of an in-memory user.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JwtVerificationBenchmark {

    TokenCodec codec;
    TokenCodec uncached;
    BearerScheme bearer;
    List<String> header;
    String[] tokens;
    int next;

    @Setup
    public void setUp() {
        Clock clock = Clock.systemUTC();
        User user = TestCodecs.user(1, "bench");
        codec = TestCodecs.codec(clock);
        String token = TestCodecs.accessToken(codec, user, Instant.now());
        header = List.of(token);
        bearer = new BearerScheme();
        bearer.codec = codec;
        bearer.users = new InMemoryUsers(user).statusCache(clock);
        bearer.jsonWebTokens = new PrincipalProducer();

        // With room for nothing, every verification evicts the one before: two tokens taken in
        // turn are never found, so each call pays the full parse and ECDSA verification.
        uncached = TestCodecs.codec(clock);
        uncached.verifiers.maxVerified = 0;
        tokens = new String[] {
            TestCodecs.accessToken(uncached, user, Instant.now()), TestCodecs.accessToken(uncached, user, Instant.now())
        };
    }

    /** The steady state: the token was verified by an earlier request (cache hit, expiry and type checked). */
    @Benchmark
    public Caller bearerRequest() {
        return bearer.authenticate(header);
    }

    /** A token's first use: base64, JSON, ES256 signature verification, claims checks. */
    @Benchmark
    public JsonWebToken firstVerification() throws TokenCodec.Rejected {
        next ^= 1;
        return uncached.verify(tokens[next], TokenCodec.ACCESS);
    }
}
