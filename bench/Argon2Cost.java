import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * What one Argon2id hash costs on this machine, with the server's parameters and the very
 * BouncyCastle jar the WAR ships: the yardstick of the login scenario. Run by bench/run as a
 * single-file program, before any load:
 *
 * <pre>java -cp bcprov.jar bench/Argon2Cost.java &lt;memory KiB&gt; &lt;iterations&gt; &lt;lanes&gt; &lt;threads&gt;</pre>
 *
 * Prints one JSON object: {@code cpu_ms_per_hash}, the median thread CPU time of one hash alone
 * (thread CPU time, so that other processes do not count; after a warm-up that runs until the
 * JIT is done, two rounds in a row agreeing within 3 %), and {@code parallel_hashes_per_s}, what
 * {@code threads} threads hashing side by side for a few seconds achieve. Argon2id is memory-hard:
 * two hashes at once compete for caches and memory bandwidth, so the second number can be well
 * below threads / the first.
 */
public class Argon2Cost {

    private static final int ROUND = 15;
    private static final int MAX_WARMUP_ROUNDS = 30;
    private static final long PARALLEL_NANOS = 5_000_000_000L;

    public static void main(String[] args) throws InterruptedException {
        int memory = Integer.parseInt(args[0]);
        int iterations = Integer.parseInt(args[1]);
        int lanes = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        byte[] password = "a benchmark password".getBytes(StandardCharsets.UTF_8);
        double previous = round(password, memory, iterations, lanes);
        for (int i = 0; i < MAX_WARMUP_ROUNDS; i++) {
            double current = round(password, memory, iterations, lanes);
            if (Math.abs(current - previous) <= 0.03 * previous) {
                break;
            }
            previous = current;
        }
        double alone = round(password, memory, iterations, lanes);
        double parallel = parallel(password, memory, iterations, lanes, threads);
        System.out.printf(
                Locale.ROOT,
                "{\"cpu_ms_per_hash\":%.3f,\"parallel_threads\":%d,\"parallel_hashes_per_s\":%.1f}%n",
                alone,
                threads,
                parallel);
    }

    /** The median CPU time of {@link #ROUND} hashes, in milliseconds. */
    private static double round(byte[] password, int memory, int iterations, int lanes) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[ROUND];
        byte[] salt = new byte[16];
        for (int i = 0; i < ROUND; i++) {
            salt[0] = (byte) i;
            long start = cpu.getCurrentThreadCpuTime();
            hash(password, salt, memory, iterations, lanes);
            nanos[i] = cpu.getCurrentThreadCpuTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[ROUND / 2] / 1e6;
    }

    /** Hashes per second of {@code threads} threads hashing side by side. */
    private static double parallel(byte[] password, int memory, int iterations, int lanes, int threads)
            throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        long end = start + PARALLEL_NANOS;
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            byte[] salt = new byte[16];
            salt[1] = (byte) t;
            workers[t] = new Thread(() -> {
                while (System.nanoTime() < end) {
                    salt[0]++;
                    hash(password, salt, memory, iterations, lanes);
                    done.incrementAndGet();
                }
            });
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static byte[] hash(byte[] password, byte[] salt, int memory, int iterations, int lanes) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory)
                .withIterations(iterations)
                .withParallelism(lanes)
                .withSalt(salt)
                .build());
        byte[] out = new byte[32];
        generator.generateBytes(password, out);
        return out;
    }
}
