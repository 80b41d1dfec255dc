package dev.restauth.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.TestUsers;
import dev.restauth.testsupport.TestUsers.Credentials;
import dev.restauth.testsupport.TestUsers.Pair;
import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} after known traffic: each counter moves by exactly what the traffic
 * caused. The suite shares the server, so every test compares two scrapes (deltas); the scrapes
 * authenticate with the scraper's API token, which counts one accepted Token check each.
 */
class MetricsIT {

    static Credentials scraper;
    static String scraperToken;

    @BeforeAll
    static void aScraperWithAnApiToken() {
        scraper = TestUsers.create("metrics");
        scraperToken = apiToken(scraper);
    }

    @Test
    void anonymousCallersAreChallenged() {
        var response = Http.get("/metrics");
        Http.assertJsonError(response, 401, "Authentication credentials were not provided.");
        assertTrue(response.headers().firstValue("WWW-Authenticate").isPresent());
    }

    @Test
    void callersWithoutTheMetricsRoleAreForbidden() {
        var response = Http.get("/metrics", "Authorization", TestUsers.create().basic());
        Http.assertJsonError(response, 403, "You do not have permission to perform this action.");
    }

    @Test
    void theScraperAndAdminsReadPrometheusText() {
        var scraped = Http.get("/metrics", "Authorization", "Token " + scraperToken);
        assertEquals(200, scraped.statusCode(), scraped.body());
        // The parameters in any order: Liberty writes them its own way.
        assertEquals(
                Set.of("text/plain", "version=0.0.4", "charset=utf-8"),
                Arrays.stream(scraped.headers()
                                .firstValue("Content-Type")
                                .orElse("")
                                .split(";"))
                        .map(part -> part.strip().toLowerCase(Locale.ROOT))
                        .collect(Collectors.toSet()));
        assertTrue(scraped.body().contains("# TYPE restauth_token_checks_total counter"), scraped.body());
        assertTrue(scraped.body().contains("# TYPE jvm_memory_used_bytes gauge"));

        var admin = Http.get("/metrics", "Authorization", TestUsers.ADMIN.basic());
        assertEquals(200, admin.statusCode(), admin.body());
    }

    @Test
    void loginsAndPasswordChecksCountByOutcome() {
        Credentials user = TestUsers.create();
        Map<String, Double> before = scrape();

        TestUsers.login(user);
        login(new Credentials(user.username(), "wrong-" + user.password()), 401);
        Http.get("/api/hello/", "Authorization", user.basic());

        Map<String, Double> after = scrape();
        assertDelta(1, before, after, "restauth_logins_total", "outcome", "ok");
        assertDelta(1, before, after, "restauth_logins_total", "outcome", "bad_credentials");
        assertDelta(0, before, after, "restauth_logins_total", "outcome", "throttled");
        // Two logins and one Basic request.
        assertDelta(2, before, after, "restauth_password_checks_total", "outcome", "ok");
        assertDelta(1, before, after, "restauth_password_checks_total", "outcome", "bad_credentials");
        assertTrue(
                value(after, "restauth_password_hash_seconds_count")
                                - value(before, "restauth_password_hash_seconds_count")
                        >= 3,
                "every check hashes once");
    }

    @Test
    void tokenChecksCountBySchemeAndOutcome() throws InterruptedException {
        Credentials user = TestUsers.create();
        Pair pair = TestUsers.login(user);
        String revoked = apiToken(user);
        String expiring = newApiToken(pair.access(), "PT1S");
        assertEquals(
                204,
                Http.send("DELETE", "/api/auth-token/", null, null, "Authorization", "Token " + revoked)
                        .statusCode());
        Thread.sleep(1500);
        Map<String, Double> before = scrape();

        assertEquals(200, hello("Bearer " + pair.access()));
        assertEquals(200, hello("Bearer " + pair.access()));
        assertEquals(401, hello("Bearer not.a.jwt"));
        assertEquals(401, hello("Token " + "0".repeat(40)));
        assertEquals(401, hello("Token " + revoked));
        assertEquals(401, hello("Token " + expiring));

        Map<String, Double> after = scrape();
        assertDelta(2, before, after, "restauth_token_checks_total", "outcome", "accepted", "scheme", "bearer");
        assertDelta(1, before, after, "restauth_token_checks_total", "outcome", "invalid", "scheme", "bearer");
        // The after scrape's own check.
        assertDelta(1, before, after, "restauth_token_checks_total", "outcome", "accepted", "scheme", "token");
        assertDelta(1, before, after, "restauth_token_checks_total", "outcome", "invalid", "scheme", "token");
        assertDelta(1, before, after, "restauth_token_checks_total", "outcome", "revoked", "scheme", "token");
        assertDelta(1, before, after, "restauth_token_checks_total", "outcome", "expired", "scheme", "token");
    }

    @Test
    void refreshesRotationsAndReuseAreCounted() {
        Pair first = TestUsers.login(TestUsers.create());
        Map<String, Double> before = scrape();

        var rotated = Http.send("POST", "/api/token/refresh/", "application/json", refreshBody(first.refresh()));
        assertEquals(200, rotated.statusCode(), rotated.body());
        var reused = Http.send("POST", "/api/token/refresh/", "application/json", refreshBody(first.refresh()));
        assertEquals(401, reused.statusCode(), reused.body());
        Pair second = TestUsers.login(TestUsers.create());
        var blacklisted = Http.send("POST", "/api/token/blacklist/", "application/json", refreshBody(second.refresh()));
        assertEquals(200, blacklisted.statusCode(), blacklisted.body());

        Map<String, Double> after = scrape();
        assertDelta(1, before, after, "restauth_refresh_tokens_total", "outcome", "rotated");
        assertDelta(1, before, after, "restauth_refresh_tokens_total", "outcome", "reuse_detected");
        assertDelta(1, before, after, "restauth_refresh_tokens_total", "outcome", "blacklisted");
        assertDelta(0, before, after, "restauth_refresh_tokens_total", "outcome", "refreshed");
    }

    @Test
    void apiTokensIssuedAndRevokedAreCounted() {
        Credentials user = TestUsers.create();
        Pair pair = TestUsers.login(user);
        Map<String, Double> before = scrape();

        newApiToken(pair.access(), "never");
        newApiToken(pair.access(), "never");
        var logoutAll =
                Http.send("POST", "/api/token/logout-all/", null, null, "Authorization", "Bearer " + pair.access());
        assertEquals(200, logoutAll.statusCode(), logoutAll.body());

        Map<String, Double> after = scrape();
        assertDelta(2, before, after, "restauth_api_tokens_total", "change", "issued");
        assertDelta(2, before, after, "restauth_api_tokens_total", "change", "revoked");
    }

    @Test
    void stateIsReadAtScrapeTime() {
        Map<String, Double> scraped = scrape();
        double keyAge = value(scraped, "restauth_signing_key_age_seconds");
        assertTrue(keyAge >= 0 && keyAge < 86_400, "a key generated for this run: " + keyAge);
        assertTrue(value(scraped, series("cache_gets_total", "cache", "api_token", "result", "hit")) >= 1);
        assertTrue(scraped.containsKey(series("cache_size", "cache", "user_status")));
        assertTrue(scraped.containsKey(series("cache_gets_total", "cache", "access_token", "result", "miss")));
        assertEquals(0, value(scraped, "restauth_password_checks_waiting"));
        assertTrue(scraped.containsKey("restauth_password_checks_running"));
    }

    @Test
    void noLabelCarriesAUsername() {
        Credentials user = TestUsers.create();
        TestUsers.login(user);
        login(new Credentials(user.username(), "wrong"), 401);
        var scraped = Http.get("/metrics", "Authorization", "Token " + scraperToken);
        assertFalse(scraped.body().contains(user.username()));
        assertFalse(scraped.body().contains(scraper.username()));
    }

    private static int hello(String authorization) {
        return Http.get("/api/hello/", "Authorization", authorization).statusCode();
    }

    private static void login(Credentials user, int status) {
        String body = Json.createObjectBuilder()
                .add("username", user.username())
                .add("password", user.password())
                .build()
                .toString();
        assertEquals(
                status,
                Http.send("POST", "/api/token/", "application/json", body).statusCode());
    }

    private static String refreshBody(String refresh) {
        return Json.createObjectBuilder().add("refresh", refresh).build().toString();
    }

    private static String apiToken(Credentials user) {
        String body = Json.createObjectBuilder()
                .add("username", user.username())
                .add("password", user.password())
                .build()
                .toString();
        var response = Http.send("POST", "/api/auth-token/", "application/json", body);
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response).getString("token");
    }

    private static String newApiToken(String access, String expiresIn) {
        String body = Json.createObjectBuilder()
                .add("name", "metrics-test")
                .add("expires_in", expiresIn)
                .build()
                .toString();
        HttpResponse<String> response =
                Http.send("POST", "/api/auth-tokens/", "application/json", body, "Authorization", "Bearer " + access);
        assertEquals(201, response.statusCode(), response.body());
        return Http.json(response).getString("token");
    }

    /** Every sample of the exposition, by series ({@code name{label="value",…}}, labels sorted as Micrometer writes them). */
    private static Map<String, Double> scrape() {
        var response = Http.get("/metrics", "Authorization", "Token " + scraperToken);
        assertEquals(200, response.statusCode(), response.body());
        Map<String, Double> samples = new HashMap<>();
        response.body()
                .lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> {
                    int space = line.lastIndexOf(' ');
                    samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
                });
        return samples;
    }

    static String series(String name, String... labels) {
        if (labels.length == 0) {
            return name;
        }
        Map<String, String> sorted = new TreeMap<>();
        for (int i = 0; i + 1 < labels.length; i += 2) {
            sorted.put(labels[i], labels[i + 1]);
        }
        StringBuilder series = new StringBuilder(name).append('{');
        sorted.forEach((label, value) ->
                series.append(label).append("=\"").append(value).append("\","));
        series.setLength(series.length() - 1);
        return series.append('}').toString();
    }

    private static double value(Map<String, Double> samples, String series) {
        Double value = samples.get(series);
        assertTrue(value != null, "no sample " + series);
        return value;
    }

    private static void assertDelta(
            double expected, Map<String, Double> before, Map<String, Double> after, String name, String... labels) {
        String series = series(name, labels);
        assertEquals(expected, value(after, series) - value(before, series), series);
    }
}
