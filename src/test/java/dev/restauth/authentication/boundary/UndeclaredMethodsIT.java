package dev.restauth.authentication.boundary;

import static dev.restauth.testsupport.DrfAnswers.BEARER_CHALLENGE;
import static dev.restauth.testsupport.DrfAnswers.GIVEN_TOKEN_NOT_VALID;
import static dev.restauth.testsupport.DrfAnswers.NOT_PROVIDED;
import static dev.restauth.testsupport.DrfAnswers.TOKEN_CHALLENGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.TestUsers;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * OPTIONS, HEAD and methods no resource declares pass the same authentication and permission rules
 * as the path's declared methods, exactly as the DRF reference answers them (measured against it:
 * DRF checks per view, before it looks at the method). Before the fix, OPTIONS on a protected path
 * was a 200 to anyone and PUT or FOO a 405 to anyone, bad tokens included.
 */
class UndeclaredMethodsIT {

    static Map<String, String> authorizations;

    @BeforeAll
    static void callers() {
        authorizations = Map.of(
                "anonymous",
                "",
                "bad-token",
                "Bearer not.a.token",
                "plain",
                "Bearer " + TestUsers.login(TestUsers.create()).access(),
                "admin",
                "Bearer " + TestUsers.login(TestUsers.create("admin")).access());
    }

    static HttpResponse<String> send(String method, String path, String caller) {
        String authorization = authorizations.get(caller);
        return authorization.isEmpty()
                ? Http.send(method, path, null, null)
                : Http.send(method, path, null, null, "Authorization", authorization);
    }

    /**
     * The expected status for each caller: anonymous, a bad Bearer token, an authenticated user
     * without roles, an admin. 401s name the scheme to use; a bad token is SimpleJWT's 401.
     */
    @ParameterizedTest(name = "{0} {1}: {2} {3} {4} {5}")
    @CsvSource({
        // IsAuthenticated
        "OPTIONS, /api/hello/, 401, 401, 200, 200",
        "HEAD, /api/hello/, 401, 401, 200, 200",
        "PUT, /api/hello/, 401, 401, 405, 405",
        "DELETE, /api/hello/, 401, 401, 405, 405",
        "FOO, /api/hello/, 401, 401, 405, 405",
        // the admin role
        "OPTIONS, /api/admin/, 401, 401, 403, 200",
        "HEAD, /api/admin/, 401, 401, 403, 200",
        "PUT, /api/admin/, 401, 401, 403, 405",
        "FOO, /api/admin/, 401, 401, 403, 405",
        "OPTIONS, /api/users/, 401, 401, 403, 200",
        "PUT, /api/users/, 401, 401, 403, 405",
        "OPTIONS, /api/users/someone/, 401, 401, 403, 200",
        "PUT, /api/users/someone/, 401, 401, 403, 405",
        "OPTIONS, /api/users/someone/auth-tokens/, 401, 401, 403, 200",
        // me/ is any caller's, {username}/ an admin's: the least strict of the two
        "OPTIONS, /api/users/me/, 401, 401, 200, 200",
        "PUT, /api/users/me/, 401, 401, 405, 405",
        // AllowAny: bad credentials are still a 401, as in DRF
        "OPTIONS, /api/public/, 200, 401, 200, 200",
        "PUT, /api/public/, 405, 401, 405, 405",
        "FOO, /api/public/, 405, 401, 405, 405",
        "OPTIONS, /.well-known/jwks.json, 200, 401, 200, 200",
        // login endpoints ignore the Authorization header
        "OPTIONS, /api/token/, 200, 200, 200, 200",
        "HEAD, /api/token/, 405, 405, 405, 405",
        "FOO, /api/token/, 405, 405, 405, 405",
        "OPTIONS, /api/token/refresh/, 200, 200, 200, 200",
        // POST ignores credentials, DELETE needs them: the header counts, anyone may call
        "OPTIONS, /api/auth-token/, 200, 401, 200, 200",
        "PUT, /api/auth-token/, 405, 401, 405, 405",
        // unknown paths stay 404
        "OPTIONS, /api/no-such-thing/, 404, 404, 404, 404",
        "FOO, /api/no-such-thing/, 404, 404, 404, 404"
    })
    void undeclaredMethodsFollowThePathsRules(
            String method, String path, int anonymous, int badToken, int plain, int admin) {
        Map<String, Integer> expected =
                Map.of("anonymous", anonymous, "bad-token", badToken, "plain", plain, "admin", admin);
        expected.forEach((caller, status) -> {
            var response = send(method, path, caller);
            String what = method + " " + path + " as " + caller + ": " + response.body();
            assertEquals(status, response.statusCode(), what);
            if (method.equals("HEAD")) {
                return; // no body
            }
            JsonObject body = Http.json(response);
            switch (status) {
                case 401 -> {
                    boolean badCredentials = caller.equals("bad-token");
                    assertEquals(badCredentials ? GIVEN_TOKEN_NOT_VALID : NOT_PROVIDED, body.getString("detail"), what);
                    assertEquals(
                            BEARER_CHALLENGE,
                            response.headers().firstValue("WWW-Authenticate").orElse(null),
                            what);
                }
                case 403 ->
                    assertEquals("You do not have permission to perform this action.", body.getString("detail"));
                case 405 -> assertEquals("Method \"" + method + "\" not allowed.", body.getString("detail"), what);
                case 200 -> {
                    assertEquals("OPTIONS", method, what);
                    assertTrue(body.containsKey("name") && body.containsKey("parses"), what);
                    assertTrue(response.headers().firstValue("Allow").orElse("").endsWith("OPTIONS"), what);
                }
                case 404 -> assertEquals("Not found.", body.getString("detail"), what);
                default -> throw new AssertionError(what);
            }
        });
    }

    @Test
    void optionsAnswersAsDrfsMetadataWithAllow() {
        var response = send("OPTIONS", "/api/hello/", "plain");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                "GET, HEAD, OPTIONS", response.headers().firstValue("Allow").orElse(null));
        assertEquals(
                "{\"name\":\"Hello\",\"description\":\"\",\"renders\":[\"application/json\"],"
                        + "\"parses\":[\"application/json\"]}",
                response.body());
        var token = send("OPTIONS", "/api/token/", "anonymous");
        assertEquals("POST, OPTIONS", token.headers().firstValue("Allow").orElse(null));
        assertEquals(
                "[\"application/json\",\"application/x-www-form-urlencoded\"]",
                Http.json(token).getJsonArray("parses").toString());
        var refused = send("OPTIONS", "/api/admin/", "anonymous");
        assertEquals("GET, HEAD, OPTIONS", refused.headers().firstValue("Allow").orElse(null), "as DRF, on a 401 too");
    }

    /** A resource narrowed to Token: a Bearer token there is no credentials at all, good or bad. */
    @ParameterizedTest
    @CsvSource({"anonymous", "bad-token", "plain", "admin"})
    void aNarrowedPathChallengesWithItsOwnScheme(String caller) {
        var response = send("OPTIONS", "/api/ci/", caller);
        assertEquals(401, response.statusCode(), response.body());
        assertEquals(NOT_PROVIDED, Http.json(response).getString("detail"));
        assertEquals(
                TOKEN_CHALLENGE,
                response.headers().firstValue("WWW-Authenticate").orElse(null));
        assertEquals(200, send("OPTIONS", "/api/greeting/", caller).statusCode(), "public, narrowed: anonymous");
    }

    /** CORS preflights are answered before JAX-RS where CORS is configured; this filter leaves them be. */
    @Test
    void corsPreflightsAreLeftAlone() {
        var response = Http.send(
                "OPTIONS",
                "/api/hello/",
                null,
                null,
                "Origin",
                "https://app.example",
                "Access-Control-Request-Method",
                "GET");
        assertNotEquals(401, response.statusCode(), response.body());
    }
}
