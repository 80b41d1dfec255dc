package dev.restauth.users.control;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2 PHC strings ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}, or argon2i): the ones this
 * server makes, and the body of Django's {@code argon2$…} hashes, which use the same layout. The
 * parameters come from the stored string, so they are bounded before any work is done.
 */
final class Argon2Hashes {

    private static final Base64.Decoder BASE64 = Base64.getDecoder();
    private static final Base64.Encoder PHC_BASE64 = Base64.getEncoder().withoutPadding();
    private static final int HASH_BYTES = 32;

    /*
     * Upper bounds on the parameters a stored hash may ask for: an imported file is an
     * administrator's, but a hash demanding gigabytes or hours must not turn a login into a DoS.
     * Each is well above what any Django version writes.
     */
    private static final int MAX_MEMORY_KIB = 1 << 20;
    private static final int MAX_ITERATIONS = 64;
    private static final int MAX_LANES = 64;

    private Argon2Hashes() {}

    /** {@code $argon2id$v=19$m=…,t=…,p=…$salt$hash} (or argon2i), unpadded standard base64. */
    static boolean verify(byte[] password, String phc) {
        String[] fields = phc.split("\\$");
        if (fields.length != 6 || !"v=19".equals(fields[2])) {
            return false;
        }
        int type;
        switch (fields[1]) {
            case "argon2id" -> type = Argon2Parameters.ARGON2_id;
            case "argon2i" -> type = Argon2Parameters.ARGON2_i;
            default -> {
                return false;
            }
        }
        int memory = 0;
        int time = 0;
        int lanes = 0;
        for (String parameter : fields[3].split(",")) {
            String[] pair = parameter.split("=", 2);
            int value = Integer.parseInt(pair[1]);
            switch (pair[0]) {
                case "m" -> memory = value;
                case "t" -> time = value;
                case "p" -> lanes = value;
                default -> {
                    return false;
                }
            }
        }
        byte[] salt = BASE64.decode(fields[4]);
        byte[] expected = BASE64.decode(fields[5]);
        if (memory > MAX_MEMORY_KIB || time > MAX_ITERATIONS || lanes > MAX_LANES) {
            return false;
        }
        byte[] actual = hash(type, password, salt, memory, time, lanes, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** How a PHC string at these parameters starts: all of it but the salt and the hash. */
    static String prefix(int memory, int time, int lanes) {
        return "$argon2id$v=19$m=" + memory + ",t=" + time + ",p=" + lanes + "$";
    }

    /** Argon2id of {@code password} (which is wiped afterwards) as a PHC string, 32-byte hash. */
    static String phc(byte[] password, byte[] salt, int memory, int time, int lanes) {
        byte[] hash = hash(Argon2Parameters.ARGON2_id, password, salt, memory, time, lanes, HASH_BYTES);
        return prefix(memory, time, lanes) + PHC_BASE64.encodeToString(salt) + "$" + PHC_BASE64.encodeToString(hash);
    }

    private static byte[] hash(int type, byte[] password, byte[] salt, int memory, int time, int lanes, int length) {
        var parameters = new Argon2Parameters.Builder(type)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory)
                .withIterations(time)
                .withParallelism(lanes)
                .withSalt(salt)
                .build();
        var generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] hash = new byte[length];
        generator.generateBytes(password, hash);
        Arrays.fill(password, (byte) 0);
        return hash;
    }
}
