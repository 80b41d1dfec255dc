package dev.restauth.errors.boundary;

import static dev.restauth.Http.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.Http;
import org.junit.jupiter.api.Test;

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

    @Test
    void errorPageRequestedDirectlyIsJustAnUnknownPath() {
        assertJsonError(Http.get("/_error"), 404, "Not found.");
    }

    @Test
    void everyResponseForbidsContentSniffing() {
        for (var response : new java.net.http.HttpResponse<?>[] {
            Http.get("/api/public/"), Http.get("/api/nothing/"), Http.get("/api/hello/"), Http.get("/health/ready")
        }) {
            assertEquals(
                    "nosniff",
                    response.headers().firstValue("X-Content-Type-Options").orElse(null),
                    response.uri() + " " + response.statusCode());
        }
    }

    @Test
    void responsesDoNotAdvertiseTheServer() {
        var response = Http.get("/api/public/");
        assertFalse(
                response.headers().firstValue("X-Powered-By").isPresent(),
                response.headers().toString());
    }
}
