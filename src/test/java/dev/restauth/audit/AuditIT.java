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
import java.util.List;
import org.junit.jupiter.api.Test;

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
                Http.send(
                                "PATCH",
                                "/api/users/" + user.username() + "/",
                                "application/json",
                                body("password", password),
                                "Authorization",
                                TestUsers.ADMIN.basic())
                        .statusCode());

        List<String> changed = ServerLog.await(line -> line.contains("\"event\":\"password_changed\"")
                && line.contains("\"user\":\"" + user.username() + "\""));
        assertEquals(1, changed.size(), String.join("\n", changed));
        assertTrue(changed.get(0).contains("reset by " + TestUsers.ADMIN.username()), changed.get(0));
        assertFalse(
                ServerLog.lines().stream().anyMatch(line -> line.contains(password)), "the password reached the log");
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
