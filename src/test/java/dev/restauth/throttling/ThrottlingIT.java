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
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Login throttling, black-box. The test server trusts one proxy and so takes the client address
 * from the right end of X-Forwarded-For: each test plays its own clients from 203.0.113.0/24.
 * Limits come from the build (pom.xml, it.throttle.*): an account from one address, an address,
 * and an account from everywhere (the ceiling).
 */
class ThrottlingIT {

    private static final int USERNAME_FAILURES = Integer.getInteger("restauth.throttle.username.failures", 50);
    private static final int ADDRESS_FAILURES = Integer.getInteger("restauth.throttle.address.failures", 100);
    private static final int CEILING_FAILURES = Integer.getInteger("restauth.throttle.ceiling.failures", 80);
    private static final Pattern THROTTLED =
            Pattern.compile("Request was throttled\\. Expected available in (\\d+) seconds?\\.");

    @Test
    void anAccountIsThrottledFromTheAddressItsFailuresCameFromOnEveryLoginPathButNotElsewhere() {
        Credentials user = TestUsers.create();
        String attacker = "203.0.113.1";
        failUntilThrottled(user.username(), attacker);
        RawHttp.Answer statusLine = RawHttp.send(
                "POST",
                "/api/token/",
                "Content-Type: application/json\r\nX-Forwarded-For: " + attacker + "\r\n",
                credentials(user.username(), "wrong"));
        assertEquals("HTTP/1.1 429 Too Many Requests", statusLine.statusLine(), statusLine.head());
        // The right password, from that address, through each way in: refused before it is checked.
        assertThrottled(tokenLogin(user.username(), user.password(), attacker));
        assertThrottled(Http.send(
                "POST",
                "/api/auth-token/",
                "application/json",
                credentials(user.username(), user.password()),
                "X-Forwarded-For",
                attacker));
        assertThrottled(Http.get("/api/hello/", "Authorization", user.basic(), "X-Forwarded-For", attacker));
        assertThrottled(Http.get("/api/public/", "Authorization", user.basic(), "X-Forwarded-For", attacker));
        // The owner, from anywhere else, through each way in: the attacker's failures are not theirs.
        String owner = "203.0.113.201";
        assertEquals(200, tokenLogin(user.username(), user.password(), owner).statusCode());
        assertEquals(
                200,
                Http.send(
                                "POST",
                                "/api/auth-token/",
                                "application/json",
                                credentials(user.username(), user.password()),
                                "X-Forwarded-For",
                                owner)
                        .statusCode());
        assertEquals(
                200,
                Http.get("/api/hello/", "Authorization", user.basic(), "X-Forwarded-For", owner)
                        .statusCode());
        // Someone else from the attacker's address is not affected by this account's bucket.
        Credentials neighbour = TestUsers.create();
        assertEquals(
                200,
                tokenLogin(neighbour.username(), neighbour.password(), attacker).statusCode());
    }

    @Test
    void theRightfulUserGetsBackInAfterTheCoolDownWithoutAnyUnlock() {
        Credentials user = TestUsers.create();
        failUntilThrottled(user.username(), "203.0.113.2");
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
        // Created first: on a busy machine creating a user takes long enough for the emptied
        // bucket to refill a token, and the newcomer would then get in.
        Credentials user = TestUsers.create();
        assertThrottled(stuff(stuffer));
        // A newcomer from that address waits too (nothing tells them from the stuffer's next
        // account); from elsewhere they log in.
        assertThrottled(tokenLogin(user.username(), user.password(), stuffer));
        assertEquals(
                200, tokenLogin(user.username(), user.password(), "203.0.113.4").statusCode());
    }

    @Test
    void aBusySharedAddressStillLetsInTheAccountsThatLoggedInFromItAndAreNotFailing() {
        String office = "203.0.113.7";
        Credentials regular = TestUsers.create();
        Credentials colleague = TestUsers.create();
        assertEquals(
                200, tokenLogin(regular.username(), regular.password(), office).statusCode());
        assertEquals(
                200,
                Http.get("/api/hello/", "Authorization", colleague.basic(), "X-Forwarded-For", office)
                        .statusCode());

        assertThrottled(stuff(office)); // someone behind the same NAT stuffs credentials

        // The regulars have no failures of their own: every way in still works for them.
        assertEquals(
                200, tokenLogin(regular.username(), regular.password(), office).statusCode());
        assertEquals(
                200,
                Http.get("/api/hello/", "Authorization", colleague.basic(), "X-Forwarded-For", office)
                        .statusCode());
        // A regular who now fails is counted and, at their own limit, held back like anyone.
        Http.assertJsonError(
                tokenLogin(colleague.username(), "typo", office),
                401,
                "No active account found with the given credentials");
        assertEquals(
                200,
                Http.get("/api/hello/", "Authorization", colleague.basic(), "X-Forwarded-For", office)
                        .statusCode());
    }

    @Test
    void guessingFromManyAddressesHitsTheAccountsCeilingButNotItsOwnersKnownAddress() {
        Credentials user = TestUsers.create();
        String home = "203.0.113.8";
        assertEquals(200, tokenLogin(user.username(), user.password(), home).statusCode());
        // A botnet: each address stays below the per-address limit of the account.
        int failures = 0;
        int address = 0;
        HttpResponse<String> answer;
        do {
            answer = tokenLogin(user.username(), "guess", "198.51.100." + (address + 1));
            failures++;
            if (failures % (USERNAME_FAILURES - 1) == 0) {
                address++;
            }
        } while (answer.statusCode() == 401 && failures <= 2 * CEILING_FAILURES);
        assertThrottled(answer);
        assertTrue(failures > CEILING_FAILURES, "throttled after " + failures + " failures");

        // The owner from a new place waits; from where they logged in before, they are in.
        assertThrottled(tokenLogin(user.username(), user.password(), "198.51.100.250"));
        assertEquals(200, tokenLogin(user.username(), user.password(), home).statusCode());
        assertEquals(
                200,
                Http.get("/api/hello/", "Authorization", user.basic(), "X-Forwarded-For", home)
                        .statusCode());
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
        int failures = 0;
        while (tokenLogin(user.username(), secretGuess, "203.0.113.6").statusCode() == 401) {
            failures++;
        }
        assertTrue(failures >= USERNAME_FAILURES, failures + " failures");
        List<String> failed = awaitLines(
                failures,
                line -> line.contains("\"event\":\"login_failed\"")
                        && line.contains("\"user\":\"" + user.username() + "\""));
        assertEquals(failures, failed.size(), String.join("\n", failed));
        assertTrue(failed.get(0).contains("\"client\":\"203.0.113.6\""), failed.get(0));
        assertTrue(failed.get(0).contains("\"request\":\"POST /api/token/\""), failed.get(0));
        List<String> throttled = ServerLog.await(line -> line.contains("\"event\":\"login_throttled\"")
                && line.contains("\"user\":\"" + user.username() + "\""));
        assertEquals(1, throttled.size(), String.join("\n", throttled));
        assertFalse(
                ServerLog.lines().stream().anyMatch(line -> line.contains(secretGuess)), "a password reached the log");
    }

    /**
     * Wrong passwords for the account from this address until it is throttled: no sooner than the
     * limit, and a little later when the bucket refills while a loaded machine runs the loop.
     */
    private static void failUntilThrottled(String username, String address) {
        int failures = 0;
        HttpResponse<String> answer;
        while ((answer = tokenLogin(username, "wrong", address)).statusCode() == 401
                && failures <= 2 * USERNAME_FAILURES) {
            Http.assertJsonError(answer, 401, "No active account found with the given credentials");
            failures++;
        }
        assertThrottled(answer);
        assertTrue(failures >= USERNAME_FAILURES, "throttled after " + failures + " failures");
    }

    /** At least {@code count} matching lines of the server's log, once Liberty has written them. */
    private static List<String> awaitLines(int count, Predicate<String> wanted) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        List<String> found = ServerLog.await(wanted);
        while (found.size() < count && Instant.now().isBefore(giveUp)) {
            pause(Duration.ofMillis(200));
            found = ServerLog.lines().stream().filter(wanted).toList();
        }
        return found;
    }

    /**
     * Credential stuffing from one address, one attempt per account, until it is throttled; the
     * left of the header is the client's own claim and must not make it a new client.
     */
    private static HttpResponse<String> stuff(String address) {
        int attempts = 0;
        HttpResponse<String> answer;
        do {
            answer = Http.send(
                    "POST",
                    "/api/token/",
                    "application/json",
                    credentials(TestUsers.uniqueName("stuffed"), "guess"),
                    "X-Forwarded-For",
                    "10.0.0." + attempts % 250 + ", " + address);
            attempts++;
        } while (answer.statusCode() == 401 && attempts <= 2 * ADDRESS_FAILURES);
        // Not before the limit; a few more may pass as the bucket refills while the loop runs.
        assertTrue(attempts > ADDRESS_FAILURES, "throttled after " + attempts + " attempts");
        return answer;
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
