package dev.restauth.audit;

import static dev.restauth.testsupport.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.Jwts;
import dev.restauth.testsupport.ServerLog;
import dev.restauth.testsupport.TestUsers;
import dev.restauth.testsupport.TestUsers.Credentials;
import dev.restauth.testsupport.TestUsers.Pair;
import jakarta.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every security-relevant event of a session ends up as one AUDIT line (written by the observer of
 * the CDI event), naming the user and the request, never a secret.
 */
class AuditIT {

    @Test
    void aSessionsLifeIsAuditedLineByLine() {
        Credentials user = TestUsers.create();
        Pair first = TestUsers.login(user);
        String rotated = json(refresh(first.refresh())).getString("refresh");
        assertEquals(401, refresh(first.refresh()).statusCode(), "reuse of a rotated token");
        Pair second = TestUsers.login(user);
        assertEquals(
                200,
                Http.send("POST", "/api/token/blacklist/", "application/json", body("refresh", second.refresh()))
                        .statusCode());
        String key = json(Http.send(
                        "POST",
                        "/api/auth-tokens/",
                        "application/json",
                        "{\"name\":\"ci\"}",
                        "Authorization",
                        "Bearer " + second.access()))
                .getString("token");
        assertEquals(
                204,
                Http.send("DELETE", "/api/auth-token/", null, null, "Authorization", "Token " + key)
                        .statusCode());
        assertEquals(
                401,
                Http.get("/api/hello/", "Authorization", "Bearer " + first.access() + "x")
                        .statusCode());
        assertEquals(
                200,
                Http.send("POST", "/api/token/logout-all/", null, null, "Authorization", user.basic())
                        .statusCode());

        String userId = Jwts.part(first.access(), 1).getJsonNumber("user_id").toString();
        List<String> mine = ServerLog.await(line -> line.contains("AUDIT")
                && line.contains("\"event\":\"token_revoked\"")
                && line.contains("user id " + userId + ": logout_all"));
        assertEquals(1, mine.size(), "logout-all");
        List<String> lines = ServerLog.lines().stream()
                .filter(line -> line.contains(" AUDIT {"))
                .filter(line -> line.contains("\"user\":\"" + user.username() + "\"")
                        || line.contains("user id " + userId + " ")
                        || line.contains("user id " + userId + ":"))
                .toList();
        assertEquals(2, count(lines, "login_succeeded", "POST /api/token/"), String.join("\n", lines));
        assertEquals(2, count(lines, "token_issued", "POST /api/token/"), String.join("\n", lines));
        assertEquals(1, count(lines, "token_refreshed", "POST /api/token/refresh/"), String.join("\n", lines));
        assertEquals(1, count(lines, "refresh_reuse_detected", "POST /api/token/refresh/"), String.join("\n", lines));
        assertEquals(1, count(lines, "token_revoked", "POST /api/token/blacklist/"), String.join("\n", lines));
        assertEquals(1, count(lines, "token_issued", "POST /api/auth-tokens/"), String.join("\n", lines));
        assertEquals(1, count(lines, "token_revoked", "DELETE /api/auth-token/"), String.join("\n", lines));
        // Basic is no login: a request it authenticates writes no audit line of its own.
        assertEquals(0, count(lines, "login_succeeded", "POST /api/token/logout-all/"), String.join("\n", lines));
        assertEquals(1, count(lines, "token_revoked", "POST /api/token/logout-all/"), String.join("\n", lines));
        assertTrue(
                lines.stream()
                        .filter(line -> line.contains("refresh_reuse_detected"))
                        .allMatch(line -> line.contains(" W ")),
                "reuse is logged as a warning");
        for (String secret :
                List.of(user.password(), first.refresh(), first.access(), rotated, second.refresh(), key)) {
            assertFalse(ServerLog.lines().stream().anyMatch(line -> line.contains(secret)), "a secret reached the log");
        }
    }

    @Test
    void blacklistingARotatedRefreshTokenIsAuditedAsReuse() {
        Credentials user = TestUsers.create();
        Pair pair = TestUsers.login(user);
        assertEquals(200, refresh(pair.refresh()).statusCode());
        assertEquals(
                401,
                Http.send("POST", "/api/token/blacklist/", "application/json", body("refresh", pair.refresh()))
                        .statusCode());

        List<String> reuse = ServerLog.await(line -> line.contains("\"event\":\"refresh_reuse_detected\"")
                && line.contains("\"user\":\"" + user.username() + "\"")
                && line.contains("\"request\":\"POST /api/token/blacklist/\""));
        assertEquals(1, reuse.size(), String.join("\n", reuse));
    }

    @Test
    void anAdministratorsPasswordResetIsAuditedWithoutThePassword() {
        Credentials user = TestUsers.create();
        String password = "reset-" + TestUsers.uniqueName("pw");
        assertEquals(
                200,
                TestUsers.patch(user.username(), body("password", password)).statusCode());

        List<String> changed = ServerLog.await(line -> line.contains("\"event\":\"password_changed\"")
                && line.contains("\"user\":\"" + user.username() + "\""));
        assertEquals(1, changed.size(), String.join("\n", changed));
        assertTrue(changed.get(0).contains("reset by " + TestUsers.ADMIN.username()), changed.get(0));
        assertFalse(
                ServerLog.lines().stream().anyMatch(line -> line.contains(password)), "the password reached the log");
    }

    static Stream<Arguments> badCredentials() {
        return Stream.of(
                Arguments.of("a forged Bearer token", "forged", "Bearer: Given token not valid for any token type"),
                Arguments.of("a Bearer token that is no JWT", "Bearer x.y.z", "Bearer: Given token not valid"),
                Arguments.of(
                        "an API key that was never issued",
                        "Token " + "0123456789abcdef".repeat(3).substring(0, 40),
                        "Token: Invalid token."),
                Arguments.of("a malformed API key", "Token two parts", "Token: Invalid token header."));
    }

    /**
     * A flood of bad credentials from one client writes one line (with the request) and then counts:
     * every rejection is accounted for, but the log grows by a few lines, not one per request, so the
     * flood cannot rotate earlier events out of it. The test server summarizes every 3 seconds.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badCredentials")
    void aFloodOfRejectedCredentialsIsOneLineThenACount(String what, String authorization, String detail)
            throws InterruptedException {
        if (authorization.equals("forged")) {
            String access = TestUsers.login(TestUsers.create()).access();
            int middle = access.length() - 20;
            authorization = "Bearer " + access.substring(0, middle) + (access.charAt(middle) == 'A' ? 'B' : 'A')
                    + access.substring(middle + 1);
        }
        String client = "2001:db8::" + Long.toHexString(System.nanoTime() & 0xffffffL);
        int flood = 300;
        for (int i = 0; i < flood; i++) {
            var refused = Http.get("/api/hello/", "Authorization", authorization, "X-Forwarded-For", client);
            assertEquals(401, refused.statusCode(), refused.body());
        }

        Instant giveUp = Instant.now().plusSeconds(30);
        List<String> mine;
        long counted;
        do {
            Thread.sleep(500);
            mine = ServerLog.lines().stream()
                    .filter(line -> line.contains(" AUDIT {") && line.contains("\"client\":\"" + client + "\""))
                    .toList();
            counted = mine.stream().mapToLong(AuditIT::repeats).sum();
        } while (counted < flood - 1 && Instant.now().isBefore(giveUp));

        String lines = String.join("\n", mine);
        assertEquals(flood - 1, counted, "every rejection after the first is counted:\n" + lines);
        List<String> written =
                mine.stream().filter(line -> !line.contains("\"repeats\":")).toList();
        assertEquals(1, written.size(), "the first one is written in full:\n" + lines);
        assertTrue(written.get(0).contains("\"request\":\"GET /api/hello/\""), written.get(0));
        assertTrue(mine.stream().allMatch(line -> line.contains("\"detail\":\"" + detail)), lines);
        assertTrue(mine.size() <= 12, what + ": a handful of lines, not one per request:\n" + lines);
    }

    private static long repeats(String line) {
        int at = line.indexOf("\"repeats\":");
        if (at < 0) {
            return 0;
        }
        String rest = line.substring(at + "\"repeats\":".length());
        return Long.parseLong(rest.substring(0, rest.indexOf(',')));
    }

    private static long count(List<String> lines, String event, String request) {
        return lines.stream()
                .filter(line -> line.contains("\"event\":\"" + event + "\""))
                .filter(line -> line.contains("\"request\":\"" + request + "\""))
                .count();
    }

    private static java.net.http.HttpResponse<String> refresh(String token) {
        return Http.send("POST", "/api/token/refresh/", "application/json", body("refresh", token));
    }

    private static String body(String field, String value) {
        return Json.createObjectBuilder().add(field, value).build().toString();
    }
}
