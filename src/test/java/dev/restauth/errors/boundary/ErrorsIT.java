package dev.restauth.errors.boundary;

import static dev.restauth.testsupport.Http.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one error format, seen from outside: JSON with DRF's messages, never HTML. */
class ErrorsIT {

    @Test
    void unknownPathIsA404WithJsonBody() {
        var response = Http.get("/api/no-such-thing/");
        assertJsonError(response, 404, "Not found.");
    }

    @Test
    void unknownPathOutsideTheApiIsA404WithJsonBodyToo() {
        var response = Http.get("/no/such/page.html");
        assertJsonError(response, 404, "Not found.");
    }

    @Test
    void wrongMethodIsA405WithJsonBodyAndAllowHeader() {
        var response = Http.send("DELETE", "/api/public/", null, null);
        assertJsonError(response, 405, "Method \"DELETE\" not allowed.");
        assertTrue(
                response.headers().firstValue("Allow").orElse("").contains("GET"),
                response.headers().toString());
    }

    @Test
    void publicResourceAnswersWithoutCredentials() {
        var response = Http.get("/api/public/");
        assertEquals(200, response.statusCode());
        assertEquals("public", Http.json(response).getString("message"));
    }

    @ParameterizedTest
    @CsvSource({
        "POST, /api/token/, text/plain, hello, HTTP/1.1 415 Unsupported Media Type",
        "DELETE, /api/public/, , , HTTP/1.1 405 Method Not Allowed",
        "GET, /api/no-such-thing/, , , HTTP/1.1 404 Not Found",
        "POST, /api/token/, application/json, '{\"username\": ', HTTP/1.1 400 Bad Request"
    })
    void statusLinesCarryTheStandardReasonPhrase(
            String method, String path, String contentType, String body, String statusLine) {
        String headers = contentType == null ? "" : "Content-Type: " + contentType + "\r\n";
        RawHttp.Answer answer = RawHttp.send(method, path, headers, body);
        assertEquals(statusLine, answer.statusLine(), answer.head());
        assertTrue(answer.head().toLowerCase().contains("content-type: application/json"), answer.head());
    }

    @Test
    void aBodyTooLargeIs413WithItsReasonPhrase() {
        RawHttp.Answer answer =
                RawHttp.send("POST", "/api/token/", "Content-Type: application/json\r\n", "a".repeat(70_000));
        assertEquals("HTTP/1.1 413 Request Entity Too Large", answer.statusLine(), answer.head());
        assertTrue(answer.body().contains("{\"detail\":\"Request body too large.\"}"), answer.body());
    }

    @Test
    void unsupportedMediaTypeIsA415WithJsonBody() {
        assertJsonError(
                Http.send("POST", "/api/token/", "text/plain", "hello"),
                415,
                "Unsupported media type \"text/plain\" in request.");
    }

    @Test
    void malformedJsonIsA400WithJsonBody() {
        assertJsonError(
                Http.send("POST", "/api/token/", "application/json", "{\"username\": "),
                400,
                "JSON parse error - the request body is not valid JSON.");
    }

    @Test
    void anEmptyBodyIsARecordWithEveryFieldMissing() {
        var response = Http.send("POST", "/api/token/", "application/json", "");
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(
                "This field is required.",
                Http.json(response).getJsonArray("username").getString(0));
    }

    /**
     * DRF reads an empty body as empty data whatever its Content-Type, none included: the field
     * errors, not a 415 (measured against the DRF reference). Before, no Content-Type was a 415.
     */
    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({
        "/api/token/, NONE, '{\"username\":[\"This field is required.\"],\"password\":[\"This field is required.\"]}'",
        "/api/token/, text/plain, '{\"username\":[\"This field is required.\"],\"password\":[\"This field is required.\"]}'",
        "/api/token/, application/xml, '{\"username\":[\"This field is required.\"],\"password\":[\"This field is required.\"]}'",
        "/api/token/, application/x-www-form-urlencoded, '{\"username\":[\"This field is required.\"],\"password\":[\"This field is required.\"]}'",
        "/api/auth-token/, NONE, '{\"username\":[\"This field is required.\"],\"password\":[\"This field is required.\"]}'",
        "/api/auth-token/, text/plain, '{\"username\":[\"This field is required.\"],\"password\":[\"This field is required.\"]}'",
        "/api/token/refresh/, NONE, '{\"refresh\":[\"This field is required.\"]}'",
        "/api/token/verify/, NONE, '{\"token\":[\"This field is required.\"]}'",
        "/api/token/blacklist/, NONE, '{\"refresh\":[\"This field is required.\"]}'"
    })
    void anEmptyBodyIsEmptyDataWhateverItsContentType(String path, String contentType, String expected) {
        var response = Http.send("POST", path, contentType.equals("NONE") ? null : contentType, null);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(expected, response.body());
    }

    @Test
    void aBodyWithoutContentTypeIsStillA415() {
        assertJsonError(
                Http.send("POST", "/api/token/", null, "{\"username\":\"a\",\"password\":\"b\"}"),
                415,
                "Unsupported media type \"\" in request.");
    }

    /** Liberty's own error pages carry an internal marker header unless server.xml removes it. */
    @Test
    void containerErrorPagesDoNotLeakInternalHeaders() {
        RawHttp.Answer answer = RawHttp.send("GET", "/api/public%2Fx/", "", null);
        assertEquals(400, answer.status(), answer.head());
        assertFalse(answer.head().contains("$WSEP"), answer.head());
    }

    @Test
    void errorPageRequestedDirectlyIsJustAnUnknownPath() {
        assertJsonError(Http.get("/_error"), 404, "Not found.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/public/", "/api/nothing/", "/api/hello/", "/health/ready"})
    void everyResponseForbidsContentSniffing(String path) {
        var response = Http.get(path);
        assertEquals(
                "nosniff",
                response.headers().firstValue("X-Content-Type-Options").orElse(null),
                response.uri() + " " + response.statusCode());
    }

    @Test
    void responsesDoNotAdvertiseTheServer() {
        var response = Http.get("/api/public/");
        assertFalse(
                response.headers().firstValue("X-Powered-By").isPresent(),
                response.headers().toString());
    }
}
