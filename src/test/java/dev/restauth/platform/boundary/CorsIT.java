package dev.restauth.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.restauth.testsupport.Chromium;
import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.TestUsers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * CORS with the test server's settings (src/test/liberty/test-server.xml): two allowed origins,
 * credentials on. Over HTTP, then from a real browser page served by this test on another port.
 */
@ExtendWith(Chromium.Shared.class)
class CorsIT {

    static final String ALLOWED = "https://app.example";
    static final String REFUSED = "https://evil.example";
    static final int PAGE_PORT = Integer.getInteger("restauth.cors.port", 0);

    static HttpServer pages;

    @BeforeAll
    static void anotherOriginServesAPage() throws IOException {
        pages = HttpServer.create(new InetSocketAddress("127.0.0.1", PAGE_PORT), 0);
        pages.createContext("/", exchange -> {
            byte[] page = PAGE.replace(
                            "HELLO_URL", Http.BASE.resolve("/api/hello/").toString())
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        pages.start();
    }

    @AfterAll
    static void stop() {
        pages.stop(0);
    }

    @Test
    void anAllowedOriginGetsItsOriginBackWithCredentials() {
        var response = Http.get("/api/public/", "Origin", ALLOWED);
        assertEquals(200, response.statusCode());
        assertEquals(ALLOWED, header(response, "Access-Control-Allow-Origin"));
        assertEquals("true", header(response, "Access-Control-Allow-Credentials"));
        assertTrue(header(response, "Access-Control-Expose-Headers").contains("WWW-Authenticate"));
        assertTrue(header(response, "Vary").contains("Origin"));
    }

    @Test
    void aRefusedOriginGetsNoCorsHeaders() {
        var response = Http.get("/api/public/", "Origin", REFUSED);
        assertEquals(200, response.statusCode());
        assertNoCorsHeaders(response);
        assertTrue(header(response, "Vary").contains("Origin"), "caches must not serve it to an allowed origin");
    }

    @Test
    void errorsCarryTheHeadersSoThatTheAppCanReadThem() {
        var response = Http.get("/api/hello/", "Origin", ALLOWED);
        assertEquals(401, response.statusCode());
        assertEquals(ALLOWED, header(response, "Access-Control-Allow-Origin"));
        var forbidden = Http.get(
                "/api/admin/",
                "Origin",
                ALLOWED,
                "Authorization",
                TestUsers.create().basic());
        assertEquals(403, forbidden.statusCode());
        assertEquals(ALLOWED, header(forbidden, "Access-Control-Allow-Origin"));
    }

    @Test
    void aPreflightIsApprovedBeforeAuthentication() {
        // To a protected resource, without credentials: a preflight never carries any.
        var response = Http.send(
                "OPTIONS",
                "/api/hello/",
                null,
                null,
                "Origin",
                ALLOWED,
                "Access-Control-Request-Method",
                "GET",
                "Access-Control-Request-Headers",
                "authorization");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("", response.body());
        assertEquals(ALLOWED, header(response, "Access-Control-Allow-Origin"));
        assertEquals("true", header(response, "Access-Control-Allow-Credentials"));
        assertTrue(header(response, "Access-Control-Allow-Methods").contains("GET"));
        assertTrue(header(response, "Access-Control-Allow-Headers")
                .toLowerCase(Locale.ROOT)
                .contains("authorization"));
        assertEquals("86400", header(response, "Access-Control-Max-Age"));
    }

    @Test
    void aPreflightFromARefusedOriginIsNotApproved() {
        var response = Http.send(
                "OPTIONS", "/api/hello/", null, null, "Origin", REFUSED, "Access-Control-Request-Method", "GET");
        assertEquals(200, response.statusCode());
        assertNoCorsHeaders(response);
    }

    @Test
    void aPlainOptionsIsNoPreflight() {
        var response = Http.send("OPTIONS", "/api/hello/", null, null, "Origin", ALLOWED);
        assertTrue(
                response.headers().firstValue("Access-Control-Allow-Methods").isEmpty(),
                response.headers().toString());
        assertTrue(response.statusCode() != 200 || !response.body().isEmpty(), "not answered as a preflight");
    }

    @Test
    void aPageOnAnAllowedOriginReadsTheApiWithAnApiToken(Chromium chromium) {
        String key = apiToken();
        chromium.driver().get("http://localhost:" + pages.getAddress().getPort() + "/#" + key);
        String result = chromium.patiently()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#result.done")))
                .getText();
        chromium.screenshot("cors-allowed-origin");
        assertTrue(result.startsWith("200 "), result);
        assertTrue(result.contains("Hello, "), result);
    }

    @Test
    void aPageOnAnotherOriginIsRefusedTheAnswer(Chromium chromium) {
        String key = apiToken();
        // 127.0.0.1 is another origin than localhost, and not in the list.
        chromium.driver().get("http://127.0.0.1:" + pages.getAddress().getPort() + "/#" + key);
        String result = chromium.patiently()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#result.done")))
                .getText();
        assertTrue(result.startsWith("blocked"), result);
    }

    private static String apiToken() {
        var user = TestUsers.create();
        String body = "{\"username\": \"" + user.username() + "\", \"password\": \"" + user.password() + "\"}";
        var response = Http.send("POST", "/api/auth-token/", "application/json", body);
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response).getString("token");
    }

    private static String header(HttpResponse<String> response, String name) {
        return String.join(", ", response.headers().allValues(name));
    }

    private static void assertNoCorsHeaders(HttpResponse<String> response) {
        assertFalse(
                response.headers().map().keySet().stream()
                        .anyMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-")),
                response.headers().toString());
    }

    /** A single-page app in a few lines: GET /api/hello/ with the API token from the URL's fragment. */
    static final String PAGE =
            """
            <!doctype html>
            <html><body><p id="result">…</p>
            <script>
              const result = document.getElementById('result');
              fetch('HELLO_URL', {headers: {'Authorization': 'Token ' + location.hash.substring(1)}})
                .then(async response => { result.textContent = response.status + ' ' + await response.text(); })
                .catch(error => { result.textContent = 'blocked: ' + error; })
                .finally(() => result.classList.add('done'));
            </script>
            </body></html>
            """;
}
