package dev.restauth.throttling;

import static dev.restauth.testsupport.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.RawHttp;
import dev.restauth.testsupport.ServerLog;
import dev.restauth.testsupport.TestUsers;
import dev.restauth.testsupport.TestUsers.Credentials;
import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Login throttling, black-box. The test server trusts one proxy and so takes the client address
 * from the right end of X-Forwarded-For: each test plays its own clients from 203.0.113.0/24.
 * Limits come from the build (pom.xml, it.throttle.*).
 */
class ThrottlingIT {

    private static final int USERNAME_FAILURES = Integer.getInteger("restauth.throttle.username.failures", 50);
    private static final int ADDRESS_FAILURES = Integer.getInteger("restauth.throttle.address.failures", 100);
    private static final Pattern THROTTLED =
            Pattern.compile("Request was throttled\\. Expected available in (\\d+) seconds?\\.");

    @Test
    void anAccountIsThrottledAfterItsFailuresEvenWithTheRightPasswordAndOnEveryLoginPath() {
        Credentials user = TestUsers.create();
        String client = "203.0.113.1";
        for (int i = 0; i < USERNAME_FAILURES; i++) {
            Http.assertJsonError(
                    tokenLogin(user.username(), "wrong", client),
                    401,
                    "No active account found with the given credentials");
        }
        assertThrottled(tokenLogin(user.username(), "wrong", client));
        RawHttp.Answer statusLine = RawHttp.send(
                "POST",
                "/api/token/",
                "Content-Type: application/json\r\nX-Forwarded-For: " + client + "\r\n",
                credentials(user.username(), "wrong"));
        assertEquals("HTTP/1.1 429 Too Many Requests", statusLine.statusLine(), statusLine.head());
        // The right password, from another client, through each way in: refused before it is checked.
        assertThrottled(tokenLogin(user.username(), user.password(), "203.0.113.201"));
        assertThrottled(Http.send(
                "POST",
                "/api/auth-token/",
                "application/json",
                credentials(user.username(), user.password()),
                "X-Forwarded-For",
                "203.0.113.202"));
        assertThrottled(Http.get("/api/hello/", "Authorization", user.basic(), "X-Forwarded-For", "203.0.113.203"));
        assertThrottled(Http.get("/api/public/", "Authorization", user.basic(), "X-Forwarded-For", "203.0.113.204"));
        // Someone else from the same client is not affected by this account's bucket.
        Credentials neighbour = TestUsers.create();
        assertEquals(
                200,
                tokenLogin(neighbour.username(), neighbour.password(), client).statusCode());
    }

    @Test
    void theRightfulUserGetsBackInAfterTheCoolDownWithoutAnyUnlock() {
        Credentials user = TestUsers.create();
        for (int i = 0; i <= USERNAME_FAILURES; i++) {
            tokenLogin(user.username(), "wrong", "203.0.113.2");
        }
        assertThrottled(tokenLogin(user.username(), user.password(), "203.0.113.2"));
        // The bucket refills by itself; waiting what Retry-After says is all it takes (THR-02).
        HttpResponse<String> answer;
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        do {
            answer = tokenLogin(user.username(), user.password(), "203.0.113.2");
            if (answer.statusCode() == 429) {
                pause(Duration.ofSeconds(Long.parseLong(
                        answer.headers().firstValue("Retry-After").orElseThrow())));
            }
        } while (answer.statusCode() == 429 && Instant.now().isBefore(giveUp));
        assertEquals(200, answer.statusCode(), answer.body());
    }

    @Test
    void credentialStuffingFromOneClientIsThrottledWhateverItSpoofsOnTheLeft() {
        String stuffer = "203.0.113.3";
        int attempts = 0;
        HttpResponse<String> answer;
        do {
            // One attempt per account, as stuffing does; the left of the header is the client's own
            // claim and must not make it a new client.
            answer = Http.send(
                    "POST",
                    "/api/token/",
                    "application/json",
                    credentials(TestUsers.uniqueName("stuffed"), "guess"),
                    "X-Forwarded-For",
                    "10.0.0." + attempts % 250 + ", " + stuffer);
            attempts++;
        } while (answer.statusCode() == 401 && attempts <= 2 * ADDRESS_FAILURES);
        assertThrottled(answer);
        // Not before the limit; a few more may pass as the bucket refills while the loop runs.
        assertTrue(attempts > ADDRESS_FAILURES, "throttled after " + attempts + " attempts");
        // A real user from that client waits too; from elsewhere they log in.
        Credentials user = TestUsers.create();
        assertThrottled(tokenLogin(user.username(), user.password(), stuffer));
        assertEquals(
                200, tokenLogin(user.username(), user.password(), "203.0.113.4").statusCode());
    }

    @Test
    void successfulLoginsNeverUseUpTheLimit() {
        Credentials user = TestUsers.create();
        for (int i = 0; i < USERNAME_FAILURES + 1; i++) {
            assertEquals(
                    200,
                    tokenLogin(user.username(), user.password(), "203.0.113.5").statusCode());
            assertEquals(
                    200,
                    Http.get("/api/hello/", "Authorization", user.basic(), "X-Forwarded-For", "203.0.113.5")
                            .statusCode());
        }
    }

    @Test
    void failuresAndThrottlingAreAuditedWithTheClientAndWithoutThePassword() {
        Credentials user = TestUsers.create();
        String secretGuess = "guess-" + TestUsers.uniqueName("pw");
        for (int i = 0; i <= USERNAME_FAILURES; i++) {
            tokenLogin(user.username(), secretGuess, "203.0.113.6");
        }
        List<String> failed = ServerLog.await(line ->
                line.contains("\"event\":\"login_failed\"") && line.contains("\"user\":\"" + user.username() + "\""));
        assertEquals(USERNAME_FAILURES, failed.size(), String.join("\n", failed));
        assertTrue(failed.get(0).contains("\"client\":\"203.0.113.6\""), failed.get(0));
        assertTrue(failed.get(0).contains("\"request\":\"POST /api/token/\""), failed.get(0));
        List<String> throttled = ServerLog.await(line -> line.contains("\"event\":\"login_throttled\"")
                && line.contains("\"user\":\"" + user.username() + "\""));
        assertEquals(1, throttled.size(), String.join("\n", throttled));
        assertFalse(
                ServerLog.lines().stream().anyMatch(line -> line.contains(secretGuess)), "a password reached the log");
    }

    private static HttpResponse<String> tokenLogin(String username, String password, String client) {
        return Http.send(
                "POST", "/api/token/", "application/json", credentials(username, password), "X-Forwarded-For", client);
    }

    private static String credentials(String username, String password) {
        return Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .build()
                .toString();
    }

    /** DRF's 429: the wait in whole seconds, the same in the body and in Retry-After. */
    private static void assertThrottled(HttpResponse<String> response) {
        assertEquals(429, response.statusCode(), response.body());
        Matcher detail = THROTTLED.matcher(json(response).getString("detail"));
        assertTrue(detail.matches(), response.body());
        assertEquals(
                detail.group(1), response.headers().firstValue("Retry-After").orElse(""));
        long seconds = Long.parseLong(detail.group(1));
        assertTrue(seconds >= 1 && seconds <= 60, response.body());
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
