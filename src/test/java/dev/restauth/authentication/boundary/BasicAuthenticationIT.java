package dev.restauth.authentication.boundary;

import static dev.restauth.testsupport.DrfAnswers.BASIC_CHALLENGE;
import static dev.restauth.testsupport.Http.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testsupport.DrfAnswers;
import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.TestUsers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** HTTP Basic and DRF's 401-versus-403 rules, over HTTP against the running server. */
class BasicAuthenticationIT {

    static String basic(String raw) {
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static void assertUnauthorized(HttpResponse<String> response, String detail) {
        DrfAnswers.assertUnauthorized(response, detail, BASIC_CHALLENGE);
    }
    /** The first enabled scheme (Bearer by default) tells a caller without credentials what to use. */
    static void assertNotProvided(HttpResponse<String> response) {
        DrfAnswers.assertUnauthorized(response, DrfAnswers.NOT_PROVIDED, DrfAnswers.BEARER_CHALLENGE);
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

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Basic| /api/hello/| Invalid basic header. No credentials provided.",
                "Basic abc def| /api/hello/| Invalid basic header. Credentials string should not contain spaces.",
                "Basic !!!!| /api/hello/| Invalid basic header. Credentials not correctly base64 encoded.",
                "Basic bm8tY29sb24taGVyZQ==| /api/public/| Invalid basic header. Credentials not correctly base64 encoded."
            })
    void malformedHeadersGetDrfsMessages(String authorization, String path, String detail) {
        assertUnauthorized(Http.get(path, "Authorization", authorization), detail);
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
        var deactivate = TestUsers.patch(user.username(), "{\"active\": false}");
        assertEquals(200, deactivate.statusCode(), deactivate.body());
        assertUnauthorized(Http.get("/api/hello/", "Authorization", user.basic()), "Invalid username/password.");
    }

    static Stream<String> hostileUsernames() {
        return Stream.of("nul\u0000byte", "x' OR '1'='1' --", "ctl\u0007\u001b", "a".repeat(5000));
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("hostileUsernames")
    void hostileUsernamesAreJustWrongCredentials(String username) {
        assertUnauthorized(
                Http.get("/api/hello/", "Authorization", basic(username + ":pw")), "Invalid username/password.");
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
