package dev.restauth.users.control;

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
 * One Argon2id hash at the configured parameters (19 MiB, 2 iterations, 1 lane): what every login
 * and every Basic request costs, and so the ceiling of the login scenario (cores / this). Forked
 * with the server's JIT options from {@code liberty/jvm.options}, so that it measures the hash as
 * the server runs it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {
            "-XX:CompileCommand=quiet",
            "-XX:CompileCommand=inline,org.bouncycastle.crypto.generators.Argon2BytesGenerator::*",
            "-XX:CompileCommand=inline,org.bouncycastle.crypto.generators.Argon2BytesGenerator$*::*"
        })
public class Argon2Benchmark {

    Passwords passwords;
    String stored;

    @Setup
    public void setUp() {
        passwords = new Passwords();
        passwords.memoryKib = 19456;
        passwords.iterations = 2;
        passwords.parallelism = 1;
        stored = passwords.generate("correct horse battery staple".toCharArray());
    }

    /** A new hash (user creation, password change). */
    @Benchmark
    public String hash() {
        return passwords.generate("correct horse battery staple".toCharArray());
    }

    /** A login or a Basic request: the stored hash recomputed and compared. */
    @Benchmark
    public boolean verify() {
        return passwords.verify("correct horse battery staple".toCharArray(), stored);
    }
}
