package dev.restauth.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testsupport.Database;
import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.ServerLog;
import dev.restauth.testsupport.TestUsers;
import dev.restauth.testsupport.TestUsers.Credentials;
import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Password checks have threads of their own (issue 13): while every hashing thread is busy with a
 * slow check and the queue behind them is full, requests that hash nothing are served, and a check
 * that finds no place is refused with 503 and Retry-After, Basic inside the authentication
 * mechanism included. Before, logins held the server's few request threads and everything queued
 * behind them.
 *
 * <p>The slow checks are made deterministic, not by load: one user's stored hash has 45 times the
 * default Argon2id cost (~2 s per check on a quiet machine, far more on a loaded one), and every check of it runs in full, right password or
 * not. Nothing here is timed; "served meanwhile" means answered while those checks still run. The
 * server runs with the defaults: a hashing thread per core (the same machine as this test), 32
 * waiting checks per core.
 */
class HashingIsolationIT {

    static final int CORES = Runtime.getRuntime().availableProcessors();
    static final int CAPACITY = CORES + 32 * CORES;
    static final int OVERFLOW = 6;
    static final String SLOW_HASH = "$argon2id$v=19$m=19456,t=90,p=1$" + base64(16) + "$" + base64(32);
    /** The slow user's failures count for this client, not for the address every other test uses. */
    static final String CLIENT = "192.0.2.13";

    @Test
    void whileEveryHashingThreadIsBusyOtherRequestsAreServedAndChecksWithoutAPlaceGet503() {
        Credentials slow = TestUsers.create();
        Database.setPasswordHash(slow.username(), SLOW_HASH);
        Credentials other = TestUsers.create();
        String bearer = "Bearer " + TestUsers.login(other).access();
        String token = "Token " + apiKey(other);

        List<CompletableFuture<HttpResponse<String>>> logins = new ArrayList<>();
        for (int i = 0; i < CAPACITY + OVERFLOW; i++) {
            logins.add(Http.sendAsync(
                    "POST",
                    "/api/token/",
                    "application/json",
                    credentials(slow.username(), "not the password " + i),
                    "X-Forwarded-For",
                    CLIENT));
        }
        // More checks than threads and queue hold: the surplus is refused, not queued.
        awaitAnswers(logins, OVERFLOW).forEach(HashingIsolationIT::assertBusy);

        assertEquals(200, Http.get("/api/public/").statusCode());
        assertEquals(200, Http.get("/api/hello/", "Authorization", bearer).statusCode());
        assertEquals(200, Http.get("/api/hello/", "Authorization", token).statusCode());
        // Basic is checked inside the mechanism, on the request's thread: it finds no place either.
        assertBusy(Http.get("/api/hello/", "Authorization", other.basic(), "X-Forwarded-For", "192.0.2.14"));
        long stillRunning = logins.stream().filter(login -> !login.isDone()).count();
        assertTrue(
                stillRunning >= 1,
                "the requests above were answered only after the slow checks ended: nothing was isolated");

        // The checks that ran took their seconds and failed; every other one was answered 503,
        // at once or when it had waited passwords.concurrency.max-wait for a thread.
        List<HttpResponse<String>> answers =
                logins.stream().map(HashingIsolationIT::join).toList();
        Map<Integer, Long> statuses =
                answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertTrue(Set.of(401, 503).containsAll(statuses.keySet()), statuses.toString());
        assertTrue(statuses.getOrDefault(401, 0L) >= 1, statuses.toString());
        assertTrue(statuses.getOrDefault(503, 0L) >= OVERFLOW, statuses.toString());
        answers.stream().filter(answer -> answer.statusCode() == 503).forEach(HashingIsolationIT::assertBusy);
        // And the threads are free again: every slow check has answered.
        assertEquals(
                200,
                Http.get("/api/hello/", "Authorization", other.basic(), "X-Forwarded-For", "192.0.2.14")
                        .statusCode());
    }

    @Test
    void whatALoginDoesAfterItsCheckStillNamesTheClientAndTheRequest() {
        // The check ends on a hashing thread and the login goes on on another: the request's
        // address and line were taken on its own thread and travel with it.
        Credentials user = TestUsers.create();
        String client = "192.0.2.21";
        Http.assertJsonError(
                Http.send(
                        "POST",
                        "/api/token/",
                        "application/json",
                        credentials(user.username(), "wrong"),
                        "X-Forwarded-For",
                        client),
                401,
                "No active account found with the given credentials");
        HttpResponse<String> issued = Http.send(
                "POST",
                "/api/auth-token/",
                "application/json",
                credentials(user.username(), user.password()),
                "X-Forwarded-For",
                client);
        assertEquals(200, issued.statusCode(), issued.body());
        HttpResponse<String> changed = Http.send(
                "POST",
                "/api/users/me/password/",
                "application/json",
                Json.createObjectBuilder()
                        .add("old_password", user.password())
                        .add("new_password", "a new password for the audit")
                        .build()
                        .toString(),
                "Authorization",
                user.basic(),
                "X-Forwarded-For",
                client);
        assertEquals(200, changed.statusCode(), changed.body());

        for (String[] expected : List.of(
                new String[] {"login_failed", "POST /api/token/"},
                new String[] {"login_succeeded", "POST /api/auth-token/"},
                new String[] {"token_issued", "POST /api/auth-token/"},
                new String[] {"login_succeeded", "POST /api/users/me/password/"},
                new String[] {"token_revoked", "POST /api/users/me/password/"})) {
            List<String> lines = ServerLog.await(line -> line.contains("\"event\":\"" + expected[0] + "\"")
                    && line.contains("\"client\":\"" + client + "\"")
                    && line.contains("\"request\":\"" + expected[1] + "\"")
                    && (line.contains(user.username()) || expected[0].equals("token_revoked")));
            assertEquals(1, lines.size(), String.join(" ", expected) + ": " + lines);
        }
    }

    /** The first {@code count} answers, whichever they are. */
    private static List<HttpResponse<String>> awaitAnswers(
            List<CompletableFuture<HttpResponse<String>>> requests, int count) {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        while (requests.stream().filter(CompletableFuture::isDone).count() < count
                && Instant.now().isBefore(giveUp)) {
            pause(Duration.ofMillis(20));
        }
        return requests.stream()
                .filter(CompletableFuture::isDone)
                .map(HashingIsolationIT::join)
                .toList();
    }

    private static void assertBusy(HttpResponse<String> response) {
        Http.assertJsonError(response, 503, "Service temporarily unavailable, try again later.");
        assertEquals(
                "1",
                response.headers().firstValue("Retry-After").orElse(""),
                response.headers().toString());
    }

    private static String apiKey(Credentials user) {
        HttpResponse<String> issued = Http.send(
                "POST", "/api/auth-token/", "application/json", credentials(user.username(), user.password()));
        assertEquals(200, issued.statusCode(), issued.body());
        return Http.json(issued).getString("token");
    }

    private static String credentials(String username, String password) {
        return Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .build()
                .toString();
    }

    private static HttpResponse<String> join(CompletableFuture<HttpResponse<String>> request) {
        try {
            return request.get(11, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(int bytes) {
        byte[] value = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            value[i] = (byte) (i * 7 + 1);
        }
        return Base64.getEncoder().withoutPadding().encodeToString(value);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
