package dev.restauth.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/** The running server's messages.log, for tests that check what the server wrote about them. */
public final class ServerLog {

    public static final Path DIRECTORY =
            Path.of(System.getProperty("restauth.server.logs", "target/liberty/wlp/usr/servers/restauth/logs"));

    private ServerLog() {}

    /**
     * The lines matching, once at least one is there: Liberty writes its log asynchronously, so a
     * line about a request that just returned may take a moment to appear.
     */
    public static List<String> await(Predicate<String> wanted) {
        return await(wanted, Duration.ofSeconds(20));
    }

    /** The lines matching, once at least one is there or {@code patience} has passed. */
    public static List<String> await(Predicate<String> wanted, Duration patience) {
        Instant giveUp = Instant.now().plus(patience);
        while (true) {
            List<String> found = lines().stream().filter(wanted).toList();
            if (!found.isEmpty() || Instant.now().isAfter(giveUp)) {
                return found;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
    }

    public static List<String> lines() {
        try {
            return Files.readAllLines(DIRECTORY.resolve("messages.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
