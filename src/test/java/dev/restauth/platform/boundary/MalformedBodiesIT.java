package dev.restauth.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testsupport.RawHttp;
import dev.restauth.testsupport.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A request body that cannot be read is the client's fault on every endpoint, whoever calls:
 * DRF's 400 "Malformed request." as JSON, never a 500 (before the fix, every chunked variant below
 * was a 500 from the IOException escaping RequestBodyLimit, on any endpoint and without
 * credentials), and never the container's internal {@code $WSEP} header.
 */
class MalformedBodiesIT {

    /** Method and path: public, login, protected and admin endpoints, with and without a body of their own. */
    static final List<String> ENDPOINTS = List.of(
            "POST /api/token/",
            "POST /api/token/refresh/",
            "POST /api/auth-token/",
            "DELETE /api/auth-token/",
            "POST /api/auth-tokens/",
            "POST /api/users/",
            "PATCH /api/users/nobody-here/",
            "GET /api/public/",
            "GET /api/hello/");

    /** How the body is broken; {@code true}: the client then stops sending (EOF) without finishing it. */
    enum Malformation {
        INVALID_CHUNK_SIZE("Transfer-Encoding: chunked\r\n", "ZZZ\r\n{}\r\n0\r\n\r\n", false),
        CHUNK_CUT_SHORT("Transfer-Encoding: chunked\r\n", "10\r\n{\"username\"", true),
        LAST_CHUNK_MISSING("Transfer-Encoding: chunked\r\n", "2\r\n{}\r\n", true),
        CHUNKED_WITH_CONTENT_LENGTH(
                "Transfer-Encoding: chunked\r\nContent-Length: 12\r\n", "-5\r\n{}\r\n0\r\n\r\n", false),
        CONTENT_LENGTH_CUT_SHORT("Content-Length: 100\r\n", "{\"username\": \"x\"", true);

        final String headers;
        final String body;
        final boolean halfClose;

        Malformation(String headers, String body, boolean halfClose) {
            this.headers = headers;
            this.body = body;
            this.halfClose = halfClose;
        }
    }

    /** No credentials, an admin's, and a bad Bearer token (a pending 401 on public endpoints). */
    static final List<String> AUTHORIZATIONS = List.of("", TestUsers.ADMIN.basic(), "Bearer not.a.token");

    static Stream<Arguments> cases() {
        return ENDPOINTS.stream()
                .flatMap(endpoint -> Stream.of(Malformation.values()).flatMap(malformation -> AUTHORIZATIONS.stream()
                        .map(authorization -> Arguments.of(endpoint, malformation, authorization))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void anUnreadableBodyIsA400WithDrfsJson(String endpoint, Malformation malformation, String authorization) {
        String[] methodAndPath = endpoint.split(" ");
        String head = methodAndPath[0] + " " + methodAndPath[1] + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nConnection: close\r\n"
                + (authorization.isEmpty() ? "" : "Authorization: " + authorization + "\r\n")
                + malformation.headers + "\r\n";
        RawHttp.Answer answer =
                RawHttp.sendRaw((head + malformation.body).getBytes(StandardCharsets.US_ASCII), malformation.halfClose);
        assertEquals(400, answer.status(), answer.head() + "\n" + answer.body());
        assertTrue(answer.head().toLowerCase().contains("content-type: application/json"), answer.head());
        assertTrue(answer.body().contains("{\"detail\":\"Malformed request.\"}"), answer.body());
        assertFalse(answer.head().contains("$WSEP"), answer.head());
    }
}
