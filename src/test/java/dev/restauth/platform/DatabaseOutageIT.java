package dev.restauth.platform;

import static dev.restauth.testsupport.Http.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.RawHttp;
import dev.restauth.testsupport.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops under the running server and comes back: meanwhile answers are 503 with
 * Retry-After (never 401, which would make clients drop valid credentials, never 500), readiness
 * is DOWN and liveness UP; afterwards the server recovers by itself.
 */
class DatabaseOutageIT {

    static final String UNAVAILABLE = "Service temporarily unavailable, try again later.";

    @Test
    void whilePostgresIsDownRequestsAre503AndTheServerRecoversByItself() throws Exception {
        var user = TestUsers.create();
        var pair = TestUsers.login(user);
        Path dataDir = Path.of(System.getProperty("restauth.db.dir"));
        List<String> postmaster = Files.readAllLines(dataDir.resolve("postmaster.pid"));
        long pid = Long.parseLong(postmaster.get(0).strip());
        String port = postmaster.get(3).strip();
        Path pgCtl = Files.readSymbolicLink(Path.of("/proc/" + pid + "/exe")).resolveSibling("pg_ctl");

        stop(pid);
        try {
            assertEquals(503, Http.get("/health/ready").statusCode());
            assertEquals(200, Http.get("/health/live").statusCode());

            var basic = Http.get("/api/hello/", "Authorization", user.basic());
            assertJsonError(basic, 503, UNAVAILABLE);
            assertTrue(basic.headers().firstValue("Retry-After").isPresent());
            RawHttp.Answer statusLine =
                    RawHttp.send("GET", "/api/hello/", "Authorization: " + user.basic() + "\r\n", null);
            assertEquals("HTTP/1.1 503 Service Unavailable", statusLine.statusLine(), statusLine.head());

            var login = Http.send(
                    "POST",
                    "/api/token/",
                    "application/json",
                    "{\"username\":\"" + user.username() + "\",\"password\":\"" + user.password() + "\"}");
            assertJsonError(login, 503, UNAVAILABLE);
            assertTrue(login.headers().firstValue("Retry-After").isPresent());

            // Bearer needs the database only when its cached view of the user is stale (5 s).
            int bearer = Http.get("/api/hello/", "Authorization", "Bearer " + pair.access())
                    .statusCode();
            assertTrue(bearer == 200 || bearer == 503, "Bearer during the outage: " + bearer);
        } finally {
            start(pgCtl, dataDir, port);
        }

        awaitReady();
        assertEquals(200, Http.get("/api/hello/", "Authorization", user.basic()).statusCode());
        assertEquals(
                200,
                Http.get(
                                "/api/hello/",
                                "Authorization",
                                "Bearer " + TestUsers.login(user).access())
                        .statusCode());
    }

    static void stop(long pid) throws Exception {
        new ProcessBuilder("kill", "-INT", Long.toString(pid))
                .inheritIO()
                .start()
                .waitFor();
        ProcessHandle.of(pid).ifPresent(process -> process.onExit().join());
    }

    /** As the build's launcher does: as root, postgres runs in a user namespace of its own. */
    static void start(Path pgCtl, Path dataDir, String port) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(
                pgCtl.toString(),
                "-D",
                dataDir.toString(),
                "-o",
                "-p " + port + " -F",
                "-l",
                dataDir.resolve("restart.log").toString(),
                "-w",
                "start"));
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "pg_ctl start did not finish");
        assertEquals(0, process.exitValue(), "pg_ctl start failed");
    }

    static void awaitReady() throws InterruptedException {
        for (int attempt = 0; attempt < 120; attempt++) {
            if (Http.get("/health/ready").statusCode() == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the server did not become ready again");
    }
}
