package dev.restauth.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.TestDatabase;
import dev.restauth.testsupport.TestUsers;
import dev.restauth.testsupport.TestUsers.Credentials;
import dev.restauth.testsupport.TestUsers.Pair;
import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes, one database: what node A changes, node B refuses within a second. Both test nodes
 * cache users and API tokens for 10 minutes (src/test/liberty/test-server.xml), so within these
 * tests only a change notification can explain B's refusal. Before each change, B has answered
 * once, so the entry is in its cache.
 */
class ChangeNotificationsIT {

    static final URI A = Http.BASE;
    static final URI B = URI.create(System.getProperty("restauth.url.b", "http://localhost:9081"));

    /** Generous next to the mechanism (milliseconds), tiny next to the fallback (the 10-minute TTL). */
    static final Duration BOUND = Duration.ofSeconds(1);

    static final String B_LISTENER = "restauth-listener-b";

    static final List<String> LATENCIES = Collections.synchronizedList(new ArrayList<>());

    /**
     * B listens before anything is measured. A test before this one may have frozen or cut off
     * PostgreSQL (DatabaseFreezeIT): B's listener then reconnects with back-off, up to 30 s, and a
     * change made meanwhile is missed by design (the TTL is the safety net, 10 minutes here).
     * Waiting for its LISTEN (or the empty validity probe that follows it) is what the tests
     * assume, not a tolerance of their bound.
     */
    @BeforeAll
    static void bListens() throws SQLException {
        try (Connection database = TestDatabase.connect();
                PreparedStatement query = database.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND state = 'idle'"
                                + " AND (query ILIKE 'LISTEN%' OR query = '')")) {
            query.setString(1, B_LISTENER);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                try (ResultSet result = query.executeQuery()) {
                    if (result.next() && result.getLong(1) == 1) {
                        return;
                    }
                }
                sleep(100);
            }
            throw new AssertionError("B's change listener did not LISTEN within 90 s");
        }
    }

    @AfterAll
    static void report() {
        System.out.println("[cross-node] A's change refused on B after: " + String.join(", ", LATENCIES));
    }

    @Test
    void logoutAllOnOneNodeIsRefusedOnTheOtherWithinASecond() {
        var user = TestUsers.create();
        Pair pair = TestUsers.login(user);
        assertEquals(200, hello(B, "Bearer " + pair.access()).statusCode());

        assertEquals(
                200,
                post(A, "/api/token/logout-all/", null, "Bearer " + pair.access())
                        .statusCode());

        awaitOnB("logout-all", () -> hello(B, "Bearer " + pair.access()), 401);
    }

    @Test
    void deactivationOnOneNodeIsRefusedOnTheOtherWithinASecond() {
        var user = TestUsers.create();
        Pair pair = TestUsers.login(user);
        assertEquals(200, hello(B, "Bearer " + pair.access()).statusCode());

        assertEquals(200, patchUser(A, user, "{\"active\":false}").statusCode());

        awaitOnB("deactivation", () -> hello(B, "Bearer " + pair.access()), 401);
    }

    @Test
    void deletionOnOneNodeIsRefusedOnTheOtherWithinASecond() {
        var user = TestUsers.create();
        Pair pair = TestUsers.login(user);
        assertEquals(200, hello(B, "Bearer " + pair.access()).statusCode());

        var deleted =
                Http.send(A, "DELETE", "/api/users/" + user.username() + "/", null, null, "Authorization", admin());
        assertEquals(204, deleted.statusCode(), deleted.body());

        awaitOnB("deletion", () -> hello(B, "Bearer " + pair.access()), 401);
    }

    @Test
    void aRoleTakenOnOneNodeIsRefusedOnTheOtherWithinASecond() {
        var user = TestUsers.create("admin");
        Pair pair = TestUsers.login(user);
        assertEquals(200, get(B, "/api/admin/", "Bearer " + pair.access()).statusCode());

        assertEquals(200, patchUser(A, user, "{\"roles\":[]}").statusCode());

        awaitOnB("role change", () -> get(B, "/api/admin/", "Bearer " + pair.access()), 403);
        assertEquals(200, hello(B, "Bearer " + pair.access()).statusCode(), "still authenticated");
    }

    @Test
    void aPasswordChangeOnOneNodeIsRefusedOnTheOtherWithinASecond() {
        var user = TestUsers.create();
        Pair pair = TestUsers.login(user);
        String key = apiToken(user);
        assertEquals(200, hello(B, "Bearer " + pair.access()).statusCode());
        assertEquals(200, hello(B, "Token " + key).statusCode());

        String body = Json.createObjectBuilder()
                .add("old_password", user.password())
                .add("new_password", "new-" + user.password())
                .build()
                .toString();
        assertEquals(200, post(A, "/api/users/me/password/", body, user.basic()).statusCode());

        awaitOnB("password change (Bearer)", () -> hello(B, "Bearer " + pair.access()), 401);
        awaitOnB("password change (Token)", () -> hello(B, "Token " + key), 401);
    }

    @Test
    void anApiTokenRevokedOnOneNodeIsRefusedOnTheOtherWithinASecond() {
        var user = TestUsers.create();
        var created = post(A, "/api/auth-tokens/", "{\"name\":\"cluster\"}", user.basic());
        assertEquals(201, created.statusCode(), created.body());
        String key = Http.json(created).getString("token");
        long id = Http.json(created).getJsonNumber("id").longValue();
        String other = apiToken(user);
        assertEquals(200, hello(B, "Token " + key).statusCode());
        assertEquals(200, hello(B, "Token " + other).statusCode());

        var revoked = Http.send(A, "DELETE", "/api/auth-tokens/" + id + "/", null, null, "Authorization", user.basic());
        assertEquals(204, revoked.statusCode(), revoked.body());

        awaitOnB("API-token revocation", () -> hello(B, "Token " + key), 401);
        assertEquals(200, hello(B, "Token " + other).statusCode(), "only that token");
    }

    @Test
    void anApiKeyResetOnOneNodeIsRefusedOnTheOtherWithinASecond() {
        var user = TestUsers.create();
        String key = apiToken(user);
        assertEquals(200, hello(B, "Token " + key).statusCode());

        var reset = post(A, "/api/users/" + user.username() + "/auth-token/?reset=true", null, admin());
        assertEquals(201, reset.statusCode(), reset.body());

        awaitOnB("API-key reset", () -> hello(B, "Token " + key), 401);
        assertEquals(
                200, hello(B, "Token " + Http.json(reset).getString("token")).statusCode());
    }

    @Test
    void aRefreshTokenRotatedOnOneNodeAndReplayedOnTheOtherKillsTheFamily() {
        var user = TestUsers.create();
        Pair pair = TestUsers.login(user);
        var rotated = refresh(A, pair.refresh());
        assertEquals(200, rotated.statusCode(), rotated.body());
        String successor = Http.json(rotated).getString("refresh");

        var replayed = refresh(B, pair.refresh());
        assertEquals(401, replayed.statusCode(), replayed.body());

        var afterReplay = refresh(A, successor);
        assertEquals(401, afterReplay.statusCode(), "the whole family is revoked: " + afterReplay.body());
        assertEquals("Token is blacklisted", Http.json(afterReplay).getString("detail"));
    }

    /**
     * B's listener connection killed: B reconnects, starts its caches over (it may have missed
     * notifications), and hears the next change. The first user is deactivated behind the
     * servers' backs, with no notification at all: only the flush after the reconnect makes B
     * notice within a test.
     */
    @Test
    void aNodeWhoseListenerWasKilledReconnectsFlushesItsCachesAndHearsChangesAgain() throws Exception {
        var quiet = TestUsers.create();
        Pair quietPair = TestUsers.login(quiet);
        var loud = TestUsers.create();
        Pair loudPair = TestUsers.login(loud);
        assertEquals(200, hello(B, "Bearer " + quietPair.access()).statusCode());
        assertEquals(200, hello(B, "Bearer " + loudPair.access()).statusCode());

        try (Connection database = TestDatabase.connect()) {
            try (PreparedStatement deactivate =
                    database.prepareStatement("UPDATE users SET active = FALSE WHERE username = ?")) {
                deactivate.setString(1, quiet.username());
                assertEquals(1, deactivate.executeUpdate());
            }
            assertEquals(
                    200,
                    hello(B, "Bearer " + quietPair.access()).statusCode(),
                    "without a notification B still has the old status: the cache is what this test is about");

            long killed = listenerPid(database)
                    .orElseThrow(() -> new AssertionError("B has no listener connection named " + B_LISTENER));
            try (PreparedStatement terminate = database.prepareStatement("SELECT pg_terminate_backend(?::int)")) {
                terminate.setLong(1, killed);
                try (ResultSet result = terminate.executeQuery()) {
                    assertTrue(result.next() && result.getBoolean(1), "pg_terminate_backend");
                }
            }
            long reconnected = awaitNewListener(database, killed, Duration.ofSeconds(30));
            assertNotEquals(killed, reconnected);
        }

        awaitOnB("flush after the listener's reconnect", () -> hello(B, "Bearer " + quietPair.access()), 401);

        assertEquals(
                200,
                post(A, "/api/token/logout-all/", null, "Bearer " + loudPair.access())
                        .statusCode());
        awaitOnB("logout-all after the reconnect", () -> hello(B, "Bearer " + loudPair.access()), 401);
    }

    /** Polls B until it answers {@code status}, at most {@link #BOUND}; records how long it took. */
    static void awaitOnB(String change, Supplier<HttpResponse<String>> request, int status) {
        long start = System.nanoTime();
        long deadline = start + BOUND.toNanos();
        HttpResponse<String> response;
        while (true) {
            response = request.get();
            long now = System.nanoTime();
            if (response.statusCode() == status) {
                LATENCIES.add(change + " " + (now - start) / 1_000_000 + " ms");
                return;
            }
            if (now > deadline) {
                throw new AssertionError("B still answers " + response.statusCode() + " " + response.body() + " "
                        + BOUND.toMillis() + " ms after " + change + " on A (expected " + status + ")");
            }
            sleep(10);
        }
    }

    static Optional<Long> listenerPid(Connection database) throws SQLException {
        try (PreparedStatement query =
                database.prepareStatement("SELECT pid FROM pg_stat_activity WHERE application_name = ?")) {
            query.setString(1, B_LISTENER);
            try (ResultSet result = query.executeQuery()) {
                Optional<Long> pid = result.next() ? Optional.of(result.getLong(1)) : Optional.empty();
                assertTrue(!result.next(), "one listener connection per node");
                return pid;
            }
        }
    }

    static long awaitNewListener(Connection database, long killed, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Long> pid = listenerPid(database);
            if (pid.isPresent() && pid.get() != killed) {
                return pid.get();
            }
            sleep(50);
        }
        throw new AssertionError("B did not reconnect its listener within " + timeout);
    }

    static String apiToken(Credentials user) {
        var created = post(A, "/api/auth-tokens/", "{}", user.basic());
        assertEquals(201, created.statusCode(), created.body());
        return Http.json(created).getString("token");
    }

    static HttpResponse<String> hello(URI node, String authorization) {
        return get(node, "/api/hello/", authorization);
    }

    static HttpResponse<String> get(URI node, String path, String authorization) {
        return Http.send(node, "GET", path, null, null, "Authorization", authorization);
    }

    static HttpResponse<String> post(URI node, String path, String json, String authorization) {
        return Http.send(
                node, "POST", path, json == null ? null : "application/json", json, "Authorization", authorization);
    }

    static HttpResponse<String> patchUser(URI node, Credentials user, String json) {
        var response = Http.send(
                node,
                "PATCH",
                "/api/users/" + user.username() + "/",
                "application/json",
                json,
                "Authorization",
                admin());
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    static HttpResponse<String> refresh(URI node, String refresh) {
        String body = Json.createObjectBuilder().add("refresh", refresh).build().toString();
        return Http.send(node, "POST", "/api/token/refresh/", "application/json", body);
    }

    static String admin() {
        return TestUsers.ADMIN.basic();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
