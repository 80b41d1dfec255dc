package dev.restauth.authentication.boundary;

import static dev.restauth.Http.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.Http;
import dev.restauth.TestUsers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** HTTP Basic and DRF's 401-versus-403 rules, over HTTP against the running server. */
class BasicAuthenticationIT {

    static final String BASIC_CHALLENGE = "Basic realm=\"api\"";

    static String basic(String raw) {
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static void assertUnauthorized(HttpResponse<String> response, String detail) {
        assertJsonError(response, 401, detail);
        assertEquals(
                BASIC_CHALLENGE,
                response.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    /** The first enabled scheme (Bearer by default) tells a caller without credentials what to use. */
    static void assertNotProvided(HttpResponse<String> response) {
        assertJsonError(response, 401, "Authentication credentials were not provided.");
        assertEquals(
                "Bearer realm=\"api\"",
                response.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    @Test
    void validCredentialsReachAnAuthenticatedResource() {
        var user = TestUsers.create();
        var response = Http.get("/api/hello/", "Authorization", user.basic());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("Hello, " + user.username() + "!", Http.json(response).getString("message"));
    }

    @Test
    void schemeIsCaseInsensitive() {
        var user = TestUsers.create();
        String header = user.basic().replace("Basic ", "bAsIc ");
        assertEquals(200, Http.get("/api/hello/", "Authorization", header).statusCode());
    }

    @Test
    void noCredentialsOnAProtectedResourceIs401WithChallenge() {
        assertNotProvided(Http.get("/api/hello/"));
    }

    @Test
    void unknownSchemeCountsAsNoCredentials() {
        assertNotProvided(Http.get("/api/hello/", "Authorization", "Digest abc"));
        assertEquals(
                200, Http.get("/api/public/", "Authorization", "Digest abc").statusCode());
    }

    @Test
    void noCredentialsOnAPublicResourceIsFine() {
        assertEquals(200, Http.get("/api/public/").statusCode());
    }

    @Test
    void wrongPasswordIs401() {
        var user = TestUsers.create();
        assertUnauthorized(
                Http.get("/api/hello/", "Authorization", basic(user.username() + ":wrong")),
                "Invalid username/password.");
    }

    @Test
    void unknownUserGetsTheSameAnswerAsAWrongPassword() {
        assertUnauthorized(
                Http.get("/api/hello/", "Authorization", basic(TestUsers.uniqueName("ghost") + ":whatever")),
                "Invalid username/password.");
    }

    @Test
    void badCredentialsAre401EvenOnAPublicResourceAsInDrf() {
        assertUnauthorized(
                Http.get("/api/public/", "Authorization", basic("nobody:wrong")), "Invalid username/password.");
    }

    @Test
    void malformedHeadersGetDrfsMessages() {
        assertUnauthorized(
                Http.get("/api/hello/", "Authorization", "Basic"), "Invalid basic header. No credentials provided.");
        assertUnauthorized(
                Http.get("/api/hello/", "Authorization", "Basic abc def"),
                "Invalid basic header. Credentials string should not contain spaces.");
        assertUnauthorized(
                Http.get("/api/hello/", "Authorization", "Basic !!!!"),
                "Invalid basic header. Credentials not correctly base64 encoded.");
        assertUnauthorized(
                Http.get("/api/public/", "Authorization", basic("no-colon-here")),
                "Invalid basic header. Credentials not correctly base64 encoded.");
    }

    @Test
    void passwordMaySplitOnlyAtTheFirstColon() {
        var user = TestUsers.createWithPassword("with:colons:inside");
        assertEquals(200, Http.get("/api/hello/", "Authorization", user.basic()).statusCode());
    }

    @Test
    void nonAsciiPasswordsWorkInUtf8AndLatin1() {
        var user = TestUsers.createWithPassword("grüße-und-küsse");
        assertEquals(
                200,
                Http.get("/api/hello/", "Authorization", user.basic(StandardCharsets.UTF_8))
                        .statusCode());
        assertEquals(
                200,
                Http.get("/api/hello/", "Authorization", user.basic(StandardCharsets.ISO_8859_1))
                        .statusCode());
    }

    @Test
    void authenticatedWithoutTheRoleIs403() {
        var user = TestUsers.create("staff");
        var response = Http.get("/api/admin/", "Authorization", user.basic());
        assertJsonError(response, 403, "You do not have permission to perform this action.");
    }

    @Test
    void theRoleGrantsAccess() {
        var admin = TestUsers.create("admin");
        assertEquals(
                200, Http.get("/api/admin/", "Authorization", admin.basic()).statusCode());
    }

    @Test
    void inactiveUserNeverAuthenticates() {
        var user = TestUsers.create();
        var deactivate = Http.send(
                "PATCH",
                "/api/users/" + user.username() + "/",
                "application/json",
                "{\"active\": false}",
                "Authorization",
                TestUsers.ADMIN.basic());
        assertEquals(200, deactivate.statusCode(), deactivate.body());
        assertUnauthorized(Http.get("/api/hello/", "Authorization", user.basic()), "Invalid username/password.");
    }

    @Test
    void hostileUsernamesAreJustWrongCredentials() {
        for (String username :
                new String[] {"nul\u0000byte", "x' OR '1'='1' --", "ctl\u0007\u001b", "a".repeat(5000)}) {
            var response = Http.get("/api/hello/", "Authorization", basic(username + ":pw"));
            assertUnauthorized(response, "Invalid username/password.");
        }
    }

    @Test
    void nonUtf8CredentialBytesAreReadAsLatin1() {
        byte[] raw = {(byte) 0xff, (byte) 0xfe, ':', (byte) 0x80};
        var response = Http.get(
                "/api/hello/", "Authorization", "Basic " + Base64.getEncoder().encodeToString(raw));
        assertUnauthorized(response, "Invalid username/password.");
    }

    /** Refused by Liberty's HTTP channel before the application: a bare 400, no body to format. */
    @Test
    void hugeHeaderIsRefusedWithA4xx() {
        var response = Http.get("/api/public/", "X-Padding", "a".repeat(64 * 1024));
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, "status " + response.statusCode());
    }

    @Test
    void hugeBodyIsRefusedWith413() {
        var response = Http.send(
                "POST",
                "/api/users/",
                "application/json",
                "{\"username\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}",
                "Authorization",
                TestUsers.ADMIN.basic());
        assertJsonError(response, 413, "Request body too large.");
    }
}
