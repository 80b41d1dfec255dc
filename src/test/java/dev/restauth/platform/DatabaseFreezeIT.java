package dev.restauth.platform;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.TestUsers;
import dev.restauth.testsupport.TestUsers.Credentials;
import dev.restauth.testsupport.TestUsers.Pair;
import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * PostgreSQL hangs under the running server: its processes are stopped (SIGSTOP), their
 * connections stay open and silent, new TCP connections are still accepted by the kernel — what a
 * network partition looks like, and what no connection error reveals. Every request that needs the
 * database must still answer 503 with Retry-After within a bound, and the server must recover by
 * itself once PostgreSQL runs again (SIGCONT).
 *
 * <p>The bound is generous (20 s, against about 5-15 s that the configured timeouts allow, see
 * docs/operations.md), and the freeze lasts until every answer is in: only a request that waits
 * for the database without a bound exceeds it.
 */
class DatabaseFreezeIT {

    static final Duration BOUND = Duration.ofSeconds(20);
    static final String UNAVAILABLE = "Service temporarily unavailable, try again later.";

    record Call(String what, Set<Integer> allowed, String method, String path, String body, String... headers) {}

    record Answer(Call call, HttpResponse<String> response, Duration took) {}

    @Test
    void whilePostgresHangsEveryRequestAnswersWithinTheBoundAndTheServerRecoversByItself() throws Exception {
        Credentials user = TestUsers.create();
        Pair pair = TestUsers.login(user);
        Pair admin = TestUsers.login(TestUsers.ADMIN);
        String key = Http.json(Http.send("POST", "/api/auth-token/", "application/json", credentials(user)))
                .getString("token");
        // Both schemes once before the freeze: what they may serve from their caches meanwhile.
        assertEquals(
                200,
                Http.get("/api/hello/", "Authorization", "Bearer " + pair.access())
                        .statusCode());
        assertEquals(
                200, Http.get("/api/hello/", "Authorization", "Token " + key).statusCode());

        List<Call> calls = List.of(
                new Call("a public resource", Set.of(200), "GET", "/api/public/", null),
                new Call("a login", Set.of(503), "POST", "/api/token/", credentials(user)),
                new Call("HTTP Basic", Set.of(503), "GET", "/api/hello/", null, "Authorization", user.basic()),
                new Call("a refresh", Set.of(503), "POST", "/api/token/refresh/", field("refresh", pair.refresh())),
                new Call("an API-token login", Set.of(503), "POST", "/api/auth-token/", credentials(user)),
                new Call(
                        "Bearer, served from the cached user status or not at all",
                        Set.of(200, 503),
                        "GET",
                        "/api/hello/",
                        null,
                        "Authorization",
                        "Bearer " + pair.access()),
                new Call(
                        "Token, served from the checked-key cache or not at all",
                        Set.of(200, 503),
                        "GET",
                        "/api/hello/",
                        null,
                        "Authorization",
                        "Token " + key),
                new Call(
                        "an admin's user list (a JPA query)",
                        Set.of(503),
                        "GET",
                        "/api/users/",
                        null,
                        "Authorization",
                        "Bearer " + admin.access()));

        List<Answer> answers = new ArrayList<>();
        HttpResponse<String> readiness;
        Duration readinessTook;
        PostgresProcesses postgres = PostgresProcesses.ofTheBuild();
        try (PostgresProcesses.Frozen frozen = postgres.freeze()) {
            for (Call call : calls) {
                long started = System.nanoTime();
                HttpResponse<String> response = Http.sendWithin(
                        BOUND,
                        call.method(),
                        call.path(),
                        call.body() == null ? null : "application/json",
                        call.body(),
                        call.headers());
                answers.add(new Answer(call, response, Duration.ofNanos(System.nanoTime() - started)));
            }
            long started = System.nanoTime();
            readiness = Http.sendWithin(BOUND, "GET", "/health/ready", null, null);
            readinessTook = Duration.ofNanos(System.nanoTime() - started);
        }

        List<Executable> checks = new ArrayList<>();
        for (Answer answer : answers) {
            checks.add(() -> assertAnswer(answer));
        }
        checks.add(() -> assertEquals(503, readiness.statusCode(), "readiness while PostgreSQL hangs"));
        checks.add(() -> assertTrue(readinessTook.compareTo(BOUND) < 0, "readiness took " + readinessTook));
        assertAll(checks);

        PostgresProcesses.awaitReady();
        assertEquals(
                200,
                Http.send("POST", "/api/token/", "application/json", credentials(user))
                        .statusCode());
        assertEquals(200, Http.get("/api/hello/", "Authorization", user.basic()).statusCode());
        assertEquals(
                200,
                Http.send("POST", "/api/token/refresh/", "application/json", field("refresh", pair.refresh()))
                        .statusCode(),
                "the refresh token survived: the refresh during the hang changed nothing");
    }

    private static void assertAnswer(Answer answer) {
        String what = answer.call().what() + " (" + answer.took().toMillis() + " ms): "
                + answer.response().body();
        int status = answer.response().statusCode();
        assertTrue(answer.call().allowed().contains(status), what + " answered " + status);
        if (status == 503) {
            Http.assertJsonError(answer.response(), 503, UNAVAILABLE);
            assertTrue(answer.response().headers().firstValue("Retry-After").isPresent(), what);
        }
    }

    private static String credentials(Credentials user) {
        return Json.createObjectBuilder()
                .add("username", user.username())
                .add("password", user.password())
                .build()
                .toString();
    }

    private static String field(String name, String value) {
        return Json.createObjectBuilder().add(name, value).build().toString();
    }
}
