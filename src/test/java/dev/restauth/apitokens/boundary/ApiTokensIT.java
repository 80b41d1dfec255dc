package dev.restauth.apitokens.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testsupport.DrfAnswers;
import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DRF's TokenAuthentication and the token endpoints, over HTTP against the running server. */
class ApiTokensIT {

    static String obtain(TestUsers.Credentials user) {
        var response = Http.send(
                "POST",
                "/api/auth-token/",
                "application/json",
                Json.createObjectBuilder()
                        .add("username", user.username())
                        .add("password", user.password())
                        .build()
                        .toString());
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response).getString("token");
    }

    static HttpResponse<String> hello(String authorization) {
        return Http.get("/api/hello/", "Authorization", authorization);
    }

    static void assertTokenRejected(HttpResponse<String> response, String detail) {
        DrfAnswers.assertUnauthorized(response, detail, DrfAnswers.TOKEN_CHALLENGE);
    }

    static HttpResponse<String> asAdmin(String method, String path, String json) {
        return Http.send(
                method, path, json == null ? null : "application/json", json, "Authorization", TestUsers.ADMIN.basic());
    }

    @Test
    void obtainIssuesADrfShapedKeyEachTime() {
        var user = TestUsers.create();
        String first = obtain(user);
        String second = obtain(user);
        assertTrue(first.matches("[0-9a-f]{40}"), first);
        assertNotEquals(first, second, "keys are hashed, so every login issues a new one");
        assertEquals(200, hello("Token " + first).statusCode());
        assertEquals(200, hello("Token " + second).statusCode());
    }

    @Test
    void obtainAcceptsFormsAndIgnoresTheAuthorizationHeader() {
        var user = TestUsers.create();
        var response = Http.send(
                "POST",
                "/api/auth-token/",
                "application/x-www-form-urlencoded",
                "username=" + user.username() + "&password=" + user.password(),
                "Authorization",
                "Token nonsense");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
    }

    @Test
    void badCredentialsAreDrfsNonFieldError() {
        var user = TestUsers.create();
        var response = Http.send(
                "POST",
                "/api/auth-token/",
                "application/json",
                "{\"username\":\"" + user.username() + "\",\"password\":\"wrong\"}");
        assertEquals(400, response.statusCode());
        assertEquals(
                "Unable to log in with provided credentials.",
                Http.json(response).getJsonArray("non_field_errors").getString(0));
        var missing = Http.send("POST", "/api/auth-token/", "application/json", "{}");
        assertEquals(
                "This field is required.",
                Http.json(missing).getJsonArray("username").getString(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Token", "token", "Bearer", "Basic"})
    void tokenBearerAndBasicAllWorkOnTheSameResource(String scheme) {
        var user = TestUsers.create();
        String authorization =
                switch (scheme) {
                    case "Bearer" -> "Bearer " + TestUsers.login(user).access();
                    case "Basic" -> user.basic();
                    default -> scheme + " " + obtain(user);
                };
        var response = hello(authorization);
        assertEquals(200, response.statusCode(), authorization + " " + response.body());
        assertEquals("Hello, " + user.username() + "!", Http.json(response).getString("message"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Token| /api/hello/| Invalid token header. No credentials provided.",
                "Token a b| /api/hello/| Invalid token header. Token string should not contain spaces.",
                "Token 0000000000000000000000000000000000000000| /api/hello/| Invalid token.",
                "Token x' OR '1'='1| /api/hello/| Invalid token header. Token string should not contain spaces.",
                "Token nope| /api/public/| Invalid token."
            })
    void malformedHeadersGetDrfsMessages(String authorization, String path, String detail) {
        assertTokenRejected(Http.get(path, "Authorization", authorization), detail);
    }

    @Test
    void nonAsciiKeyBytesAreInvalidCharacters() throws Exception {
        // java.net.http cannot send such a header; a socket can.
        try (Socket socket = new Socket(Http.BASE.getHost(), Http.BASE.getPort())) {
            byte[] request = ("GET /api/hello/ HTTP/1.1\r\nHost: localhost\r\nAuthorization: Token caf")
                    .getBytes(StandardCharsets.US_ASCII);
            socket.getOutputStream().write(request);
            socket.getOutputStream().write(new byte[] {(byte) 0xe9});
            socket.getOutputStream().write("\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
            assertTrue(
                    answer.contains("Invalid token header. Token string should not contain invalid characters."),
                    answer);
        }
    }

    @Test
    void inactiveUsersTokensAreRefusedWithDrfsMessage() {
        var user = TestUsers.create();
        String key = obtain(user);
        asAdmin("PATCH", "/api/users/" + user.username() + "/", "{\"active\":false}");
        assertTokenRejected(hello("Token " + key), "User inactive or deleted.");
        asAdmin("PATCH", "/api/users/" + user.username() + "/", "{\"active\":true}");
        assertEquals(200, hello("Token " + key).statusCode(), "reactivated, as in DRF");
        assertEquals(
                204,
                asAdmin("DELETE", "/api/users/" + user.username() + "/", null).statusCode());
        assertTokenRejected(hello("Token " + key), "User inactive or deleted.");
    }

    @Test
    void logoutRevokesTheTokenUsed() {
        var user = TestUsers.create();
        String key = obtain(user);
        String other = obtain(user);
        var out = Http.send("DELETE", "/api/auth-token/", null, null, "Authorization", "Token " + key);
        assertEquals(204, out.statusCode(), out.body());
        assertTokenRejected(hello("Token " + key), "Invalid token.");
        assertEquals(200, hello("Token " + other).statusCode());
        assertEquals(
                400,
                Http.send("DELETE", "/api/auth-token/", null, null, "Authorization", user.basic())
                        .statusCode());
    }

    @Test
    void personalTokensAreListedNamedAndRevocable() {
        var user = TestUsers.create();
        var created = Http.send(
                "POST",
                "/api/auth-tokens/",
                "application/json",
                "{\"name\":\"ci\",\"expires_in\":\"P30D\"}",
                "Authorization",
                user.basic());
        assertEquals(201, created.statusCode(), created.body());
        JsonObject issued = Http.json(created);
        assertEquals("ci", issued.getString("name"));
        assertFalse(issued.isNull("expires"));
        String key = issued.getString("token");

        var listed = Http.jsonArray(Http.get("/api/auth-tokens/", "Authorization", "Token " + key));
        assertEquals(1, listed.size());
        assertEquals("ci", listed.getJsonObject(0).getString("name"));
        assertFalse(listed.toString().contains(key), "the key is never shown again");
        assertFalse(listed.getJsonObject(0).containsKey("digest"));

        var stranger = TestUsers.create();
        long id = issued.getJsonNumber("id").longValue();
        assertEquals(
                404,
                Http.send("DELETE", "/api/auth-tokens/" + id + "/", null, null, "Authorization", stranger.basic())
                        .statusCode());
        assertEquals(
                204,
                Http.send("DELETE", "/api/auth-tokens/" + id + "/", null, null, "Authorization", user.basic())
                        .statusCode());
        assertTokenRejected(hello("Token " + key), "Invalid token.");
    }

    @Test
    void expiredTokensAreInvalid() throws Exception {
        var user = TestUsers.create();
        var created = Http.send(
                "POST",
                "/api/auth-tokens/",
                "application/json",
                "{\"expires_in\":\"PT1S\"}",
                "Authorization",
                user.basic());
        String key = Http.json(created).getString("token");
        Thread.sleep(1500);
        assertTokenRejected(hello("Token " + key), "Invalid token.");
    }

    static final String BAD_EXPIRY = "Enter a positive ISO-8601 duration, such as P30D, or \\\"never\\\".";
    static final String TOO_LONG = "Ensure this value is less than or equal to P36500D.";

    /**
     * Every lifetime is bounded: nonsense, zero, negative, overflowing and centuries-long values
     * are DRF field errors. Before, a lifetime past what PostgreSQL stores (300,000 years) or past
     * what a date can hold was a 500.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "'\"soon\"'|BAD",
                "'\"P300000Y\"'|BAD",
                "'\"P0D\"'|BAD",
                "'\"PT0S\"'|BAD",
                "'\"-P1D\"'|BAD",
                "'\"P-1D\"'|BAD",
                "'\"PT99999999999999999999H\"'|BAD",
                "3600|BAD",
                "'\"P109500000D\"'|TOO_LONG",
                "'\"PT9223372036854775807S\"'|TOO_LONG",
                "'\"P36501D\"'|TOO_LONG"
            })
    void anExpiryOutOfBoundsIsAFieldError(String expiresIn, String kind) {
        var user = TestUsers.create();
        var response = Http.send(
                "POST",
                "/api/auth-tokens/",
                "application/json",
                "{\"expires_in\":" + expiresIn + "}",
                "Authorization",
                user.basic());
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("{\"expires_in\":[\"" + (kind.equals("BAD") ? BAD_EXPIRY : TOO_LONG) + "\"]}", response.body());
        assertEquals(
                0,
                Http.jsonArray(Http.get("/api/auth-tokens/", "Authorization", user.basic()))
                        .size());
    }

    @Test
    void theLongestExpiryIsAccepted() {
        var user = TestUsers.create();
        var response = Http.send(
                "POST",
                "/api/auth-tokens/",
                "application/json",
                "{\"expires_in\":\"P36500D\"}",
                "Authorization",
                user.basic());
        assertEquals(201, response.statusCode(), response.body());
    }

    @Test
    void adminResetsAUsersTokensAsDrfCreateTokenDoes() {
        var user = TestUsers.create();
        String old = obtain(user);
        var reset = asAdmin("POST", "/api/users/" + user.username() + "/auth-token/?reset=true", null);
        assertEquals(201, reset.statusCode(), reset.body());
        assertTokenRejected(hello("Token " + old), "Invalid token.");
        assertEquals(200, hello("Token " + Http.json(reset).getString("token")).statusCode());

        var listed = asAdmin("GET", "/api/users/" + user.username() + "/auth-tokens/", null);
        assertEquals(1, Http.jsonArray(listed).size());
        assertEquals(
                200, asAdmin("GET", "/api/users/" + user.username() + "/", null).statusCode(), "users API intact");
    }

    @Test
    void anImportedDrfKeyKeepsWorking() {
        var user = TestUsers.create();
        String drfKey = java.util.UUID.randomUUID().toString().replace("-", "") + "0123abcd";
        var imported =
                asAdmin("POST", "/api/users/" + user.username() + "/auth-token/import", "{\"key\":\"" + drfKey + "\"}");
        assertEquals(201, imported.statusCode(), imported.body());
        assertFalse(imported.body().contains(drfKey));
        assertEquals(200, hello("Token " + drfKey).statusCode());
        var again =
                asAdmin("POST", "/api/users/" + user.username() + "/auth-token/import", "{\"key\":\"" + drfKey + "\"}");
        assertEquals(400, again.statusCode());
        var bad = asAdmin("POST", "/api/users/" + user.username() + "/auth-token/import", "{\"key\":\"short\"}");
        assertEquals(400, bad.statusCode());
    }

    @Test
    void passwordChangeAndLogoutAllRevokeApiTokens() {
        var user = TestUsers.create();
        String key = obtain(user);
        var pair = TestUsers.login(user);
        var out = Http.send("POST", "/api/token/logout-all/", null, null, "Authorization", "Bearer " + pair.access());
        assertEquals(200, out.statusCode(), out.body());
        assertTokenRejected(hello("Token " + key), "Invalid token.");

        String second = obtain(user);
        Http.send(
                "POST",
                "/api/users/me/password/",
                "application/json",
                "{\"old_password\":\"" + user.password() + "\",\"new_password\":\"a different secret\"}",
                "Authorization",
                "Token " + second);
        assertTokenRejected(hello("Token " + second), "Invalid token.");
    }
}
