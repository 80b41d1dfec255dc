package dev.restauth.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testsupport.Http;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How the console's files are served: types, caching, and the headers that protect the pages. */
class ConsoleDeliveryIT {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @ParameterizedTest
    @CsvSource({
        "/console/,                    text/html; charset=utf-8,       no-store",
        "/console/index.html,          text/html; charset=utf-8,       no-store",
        "/console/js/main.js,          text/javascript; charset=utf-8, no-cache",
        "/console/js/pages/tokens.js,  text/javascript; charset=utf-8, no-cache",
        "/console/console.css,         text/css; charset=utf-8,        no-cache",
        "/console/favicon.svg,         image/svg+xml,                  no-cache",
    })
    void filesComeWithTheirTypeAndTheStrictHeaders(String path, String type, String cacheControl) {
        HttpResponse<String> response = Http.get(path);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(type, header(response, "Content-Type"));
        assertEquals(cacheControl, header(response, "Cache-Control"));
        assertSecured(response);
    }

    @Test
    void theConsoleWithoutItsSlashRedirectsToIt() {
        HttpResponse<String> response = Http.get("/console");
        assertEquals(302, response.statusCode());
        assertTrue(header(response, "Location").endsWith("/console/"), header(response, "Location"));
        assertSecured(response);
    }

    @Test
    void anUnchangedFileIsNotSentAgain() {
        String etag = header(Http.get("/console/js/api.js"), "ETag");
        HttpResponse<String> again = Http.get("/console/js/api.js", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/console/nothing.html",
                "/console/js/",
                "/console/js",
                "/console/../WEB-INF/web.xml",
                "/console/%2e%2e/WEB-INF/web.xml",
                "/console/README.txt",
            })
    void anythingElseIsAJsonNotFound(String path) {
        HttpResponse<String> response = Http.get(path);
        assertEquals(404, response.statusCode(), response.body());
        assertEquals("{\"detail\":\"Not found.\"}", response.body());
    }

    @Test
    void theApiKeepsItsOwnHeaders() {
        HttpResponse<String> response = Http.get("/api/public/");
        assertTrue(response.headers().firstValue("Content-Security-Policy").isEmpty());
    }

    static void assertSecured(HttpResponse<String> response) {
        assertEquals(CSP, header(response, "Content-Security-Policy"));
        assertEquals("DENY", header(response, "X-Frame-Options"));
        assertEquals("nosniff", header(response, "X-Content-Type-Options"));
        assertEquals("same-origin", header(response, "Referrer-Policy"));
    }

    static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
