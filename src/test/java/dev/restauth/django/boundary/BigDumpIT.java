package dev.restauth.django.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 100,000 Django users (src/test/django/gen-big-dump.py: hashes of five real Django users, a DRF
 * key for every 4th, every 50th inactive) import in bounded time, and the first of them logs in
 * with the Django password its hash was copied from. The bound is generous (a loaded machine): it
 * tells a streamed, hash-free import from one that verifies or rehashes 100,000 passwords.
 */
class BigDumpIT {

    static final int USERS = 100_000;
    static final Path DUMP = Path.of("target/django-100k.json");

    static Path dump() throws Exception {
        if (!Files.exists(DUMP)) {
            Process generate = new ProcessBuilder(
                            "/usr/bin/python3",
                            "src/test/django/gen-big-dump.py",
                            "--users",
                            String.valueOf(USERS),
                            "--out",
                            DUMP.toString())
                    .inheritIO()
                    .start();
            assertTrue(generate.waitFor(10, TimeUnit.MINUTES) && generate.exitValue() == 0, "gen-big-dump.py failed");
        }
        return DUMP;
    }

    @Test
    void oneHundredThousandUsersImportInBoundedTime() throws Exception {
        Path dump = dump();
        long started = System.nanoTime();
        HttpResponse<String> response = Http.sendBody(
                "POST",
                "/api/users/import",
                "application/json",
                HttpRequest.BodyPublishers.ofFile(dump),
                Duration.ofMinutes(30),
                "Authorization",
                TestUsers.ADMIN.basic());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf(
                "BigDumpIT: %d users, %d MB, imported in %d s%n", USERS, Files.size(dump) >> 20, took.toSeconds());
        assertEquals(200, response.statusCode(), response.body());
        JsonObject report = Http.json(response);
        assertEquals(
                USERS,
                report.getJsonObject("users").getInt("created"),
                report.getJsonObject("users").toString());
        assertEquals(
                USERS / 4,
                report.getJsonObject("tokens").getInt("created"),
                report.getJsonObject("tokens").toString());
        assertTrue(took.compareTo(Duration.ofMinutes(20)) < 0, "took " + took);

        // bulk-0000001's hash is alice's (template 0): her Django password logs in.
        String password = Json.createReader(
                        new java.io.StringReader(Files.readString(Path.of("src/test/resources/django/passwords.json"))))
                .readObject()
                .getJsonObject("users")
                .getJsonObject("alice")
                .getString("password");
        TestUsers.login(new TestUsers.Credentials("bulk-0000001", password));
    }
}
