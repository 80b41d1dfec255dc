package dev.restauth.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The documentation cannot rot: docs/walkthrough.sh runs every example of the README and
 * docs/api.md against the server the build started, the documents quote its sections word for
 * word, security.md names tests that exist, and operations.md lists every configuration key.
 */
class WalkthroughIT {

    static final Path PROJECT = Path.of(System.getProperty("basedir", "."));
    static final Path SCRIPT = PROJECT.resolve("docs/walkthrough.sh");
    static final List<Path> QUOTING = List.of(PROJECT.resolve("README.md"), PROJECT.resolve("docs/api.md"));
    static final Pattern SECTION = Pattern.compile("# --- ([a-z0-9-]+) ---");
    static final Pattern QUOTE = Pattern.compile("<!-- walkthrough\\.sh: ([a-z0-9-]+) -->");
    static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(10);
    static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    @Test
    void theWalkthroughRunsInOrderAgainstTheServer() throws Exception {
        String base = System.getProperty("restauth.url", "http://localhost:9080");
        awaitReady(URI.create(base + "/health/ready"));
        assertEquals(0, run(List.of("curl", "--version")).exitCode(), "docs/walkthrough.sh needs curl");

        ProcessBuilder walkthrough = new ProcessBuilder("bash", SCRIPT.toString());
        Map<String, String> environment = walkthrough.environment();
        // The server is on loopback: a proxy from the environment must not see the requests.
        environment.keySet().removeIf(name -> name.toLowerCase(Locale.ROOT).endsWith("_proxy"));
        environment.put("BASE", base);
        environment.put("ADMIN_USERNAME", System.getProperty("restauth.admin.username", "it-admin"));
        environment.put("ADMIN_PASSWORD", System.getProperty("restauth.admin.password", ""));
        Outcome outcome = run(walkthrough);

        System.out.println(outcome.output());
        assertEquals(0, outcome.exitCode(), "docs/walkthrough.sh failed:\n" + tail(outcome.output(), 40));
        assertTrue(outcome.output().contains("walkthrough: every answer as expected"), outcome.output());
    }

    @ParameterizedTest(name = "{0} quotes section {1}")
    @MethodSource("quotes")
    void theDocumentationQuotesTheWalkthroughWordForWord(String document, String section, List<String> quoted) {
        Map<String, List<String>> sections = sections();
        assertTrue(sections.containsKey(section), "docs/walkthrough.sh has no section " + section);
        assertEquals(
                String.join("\n", sections.get(section)),
                String.join("\n", quoted),
                document + " must quote the section '" + section + "' of docs/walkthrough.sh exactly, as shown");
    }

    @ParameterizedTest(name = "docs/api.md quotes section {0}")
    @MethodSource("sectionNames")
    void theApiReferenceQuotesEverySection(String section) {
        assertTrue(
                quotes().anyMatch(quote -> quote.get()[0].equals("docs/api.md") && quote.get()[1].equals(section)),
                "docs/api.md does not quote the section '" + section + "' of docs/walkthrough.sh");
    }

    @Test
    void theReadmeQuotesTheWalkthrough() {
        assertTrue(quotes().anyMatch(quote -> quote.get()[0].equals("README.md")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("testsNamedInSecurityMd")
    void theSecurityGuaranteesNameTestsThatExist(String testClass, List<String> methods) throws IOException {
        Path file;
        try (Stream<Path> files = Files.walk(PROJECT.resolve("src/test/java"))) {
            file = files.filter(path -> path.getFileName().toString().equals(testClass + ".java"))
                    .findFirst()
                    .orElse(null);
        }
        assertTrue(file != null, "docs/security.md names " + testClass + ", which is no test class in src/test/java");
        String source = read(file);
        for (String method : methods) {
            assertTrue(
                    source.contains(" " + method + "("),
                    "docs/security.md names " + testClass + "." + method + ", which does not exist");
        }
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("configurationKeys")
    void operationsMdListsEveryConfigurationKey(String key, String environmentVariable) {
        String operations = read(PROJECT.resolve("docs/operations.md"));
        assertTrue(
                operations
                        .lines()
                        .anyMatch(row ->
                                row.startsWith("| `" + key + "` |") && row.contains("`" + environmentVariable + "`")),
                "docs/operations.md has no table row for " + key + " with its variable " + environmentVariable);
    }

    static Stream<Arguments> quotes() {
        List<Arguments> quotes = new ArrayList<>();
        for (Path document : QUOTING) {
            List<String> lines = read(document).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                Matcher quote = QUOTE.matcher(lines.get(i));
                if (!quote.matches()) {
                    continue;
                }
                String name = PROJECT.relativize(document).toString();
                assertEquals("```sh", lines.get(i + 1), name + ": a ```sh block must follow " + lines.get(i));
                int end = lines.subList(i + 2, lines.size()).indexOf("```");
                assertTrue(end >= 0, name + ": the block after " + lines.get(i) + " never ends");
                quotes.add(Arguments.of(name, quote.group(1), lines.subList(i + 2, i + 2 + end)));
            }
        }
        assertFalse(quotes.isEmpty(), "no document quotes docs/walkthrough.sh");
        return quotes.stream();
    }

    static Stream<String> sectionNames() {
        return sections().keySet().stream();
    }

    /** Each test class named in security.md, with the methods named in parentheses after it. */
    static Stream<Arguments> testsNamedInSecurityMd() {
        Map<String, List<String>> tests = new LinkedHashMap<>();
        Matcher named = Pattern.compile("`([A-Z][A-Za-z0-9]*(?:IT|Test))`(?:\\s+\\(([^)]*)\\))?")
                .matcher(read(PROJECT.resolve("docs/security.md")));
        while (named.find()) {
            List<String> methods = tests.computeIfAbsent(named.group(1), name -> new ArrayList<>());
            if (named.group(2) != null) {
                Pattern.compile("`([a-z][A-Za-z0-9]*)`")
                        .matcher(named.group(2))
                        .results()
                        .forEach(method -> methods.add(method.group(1)));
            }
        }
        assertFalse(tests.isEmpty(), "docs/security.md names no tests");
        return tests.entrySet().stream().map(test -> Arguments.of(test.getKey(), test.getValue()));
    }

    /** Every key of microprofile-config.properties (set or commented out) and of server.xml's variables. */
    static Stream<Arguments> configurationKeys() {
        Stream<String> application = read(PROJECT.resolve("src/main/resources/META-INF/microprofile-config.properties"))
                .lines()
                .map(Pattern.compile("^#? ?([a-z][a-z0-9.-]*)=.*")::matcher)
                .filter(Matcher::matches)
                .map(match -> match.group(1));
        Stream<String> server = Pattern.compile("<variable name=\"([a-z0-9.-]+)\" defaultValue=")
                .matcher(read(PROJECT.resolve("liberty/server.xml")))
                .results()
                .map(match -> match.group(1));
        return Stream.concat(application, server)
                .distinct()
                .map(key -> Arguments.of(key, key.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_")));
    }

    /** The script's sections: the lines after each marker, without leading and trailing blank lines. */
    static Map<String, List<String>> sections() {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : read(SCRIPT).lines().toList()) {
            Matcher marker = SECTION.matcher(line);
            if (marker.matches()) {
                current = new ArrayList<>();
                sections.put(marker.group(1), current);
            } else if (current != null) {
                current.add(line);
            }
        }
        sections.values().forEach(WalkthroughIT::trimBlankLines);
        assertFalse(sections.isEmpty(), "docs/walkthrough.sh has no sections");
        return sections;
    }

    private static void trimBlankLines(List<String> lines) {
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
    }

    /** Other tests may have restarted the database just before; the walkthrough starts on a ready server. */
    private static void awaitReady(URI ready) throws InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Instant giveUp = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(giveUp)) {
            try {
                HttpRequest request = HttpRequest.newBuilder(ready)
                        .timeout(Duration.ofSeconds(10))
                        .build();
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // retried below
            }
            Thread.sleep(500);
        }
        fail(ready + " did not answer 200 within " + READY_TIMEOUT);
    }

    record Outcome(int exitCode, String output) {}

    private static Outcome run(List<String> command) throws IOException, InterruptedException {
        return run(new ProcessBuilder(command));
    }

    private static Outcome run(ProcessBuilder command) throws IOException, InterruptedException {
        Process process;
        try {
            process = command.redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return new Outcome(-1, notInstalled.getMessage());
        }
        process.getOutputStream().close();
        // Read while it runs: a full pipe would stall the script.
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try {
                process.getInputStream().transferTo(output);
            } catch (IOException killed) {
                // the output so far is what there is
            }
        });
        reader.start();
        if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            reader.join();
            return new Outcome(-1, output.toString(StandardCharsets.UTF_8) + "\n(killed after " + SCRIPT_TIMEOUT + ")");
        }
        reader.join();
        return new Outcome(process.exitValue(), output.toString(StandardCharsets.UTF_8));
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
