import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The CPU time of one Argon2id hash on this machine, with the server's parameters and the very
 * BouncyCastle jar the WAR ships: the yardstick of the login scenario (logins can go no faster
 * than cores / this). Run by bench/run as a single-file program, before any load:
 *
 * <pre>java -cp bcprov.jar bench/Argon2Cost.java &lt;memory KiB&gt; &lt;iterations&gt; &lt;lanes&gt;</pre>
 *
 * Prints the median thread CPU time of one hash in milliseconds. Thread CPU time, not wall time,
 * so that another process on the machine does not count; the warm-up runs until the JIT is done
 * (two rounds in a row agree within 3 %), because a half-compiled hash costs twice as much.
 */
public class Argon2Cost {

    private static final int ROUND = 15;
    private static final int MAX_WARMUP_ROUNDS = 30;

    public static void main(String[] args) {
        int memory = Integer.parseInt(args[0]);
        int iterations = Integer.parseInt(args[1]);
        int lanes = Integer.parseInt(args[2]);
        byte[] password = "a benchmark password".getBytes(StandardCharsets.UTF_8);
        double previous = round(password, memory, iterations, lanes);
        for (int i = 0; i < MAX_WARMUP_ROUNDS; i++) {
            double current = round(password, memory, iterations, lanes);
            if (Math.abs(current - previous) <= 0.03 * previous) {
                break;
            }
            previous = current;
        }
        System.out.printf(Locale.ROOT, "%.3f%n", round(password, memory, iterations, lanes));
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
