package dev.restauth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.TestUsers;
import jakarta.json.Json;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SQL, NUL and other control characters, very long values and bytes that are not UTF-8 in the
 * username and the password of SimpleJWT's login (JSON and form) and of HTTP Basic: each is just
 * a wrong credential, with the exact answer a wrong password gets, and the database is unharmed.
 * About 30 failed password checks, all from one client address of this class.
 */
class HostileCredentialsIT {

    static final String CLIENT = "198.51.100.21";

    static final String NO_ACTIVE_ACCOUNT = "No active account found with the given credentials";
    static final String INVALID_BASIC = "Invalid username/password.";

    /** Hostile text; each username gets a unique suffix so that no two tests share a throttle key. */
    static final List<String> HOSTILE = List.of(
            "admin' OR '1'='1' --",
            "\"; DROP TABLE users; --",
            "nul\u0000byte",
            "ctl\u0001\u0007\u001b\r\n\tchars",
            "a".repeat(30_000));

    static Stream<String> hostile() {
        return HOSTILE.stream();
    }

    /** Not UTF-8: a lone continuation byte, a byte UTF-8 never uses, a truncated sequence. */
    static final byte[] NOT_UTF8 = {(byte) 0x80, (byte) 0xff, (byte) 0xfe, (byte) 0xc3, '('};

    static HttpResponse<String> loginJson(String username, String password) {
        String body = Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .build()
                .toString();
        return Http.send("POST", "/api/token/", "application/json", body, "X-Forwarded-For", CLIENT);
    }

    static HttpResponse<String> loginForm(String username, String password) {
        return Http.send(
                "POST",
                "/api/token/",
                "application/x-www-form-urlencoded",
                "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8),
                "X-Forwarded-For",
                CLIENT);
    }

    static HttpResponse<String> loginBytes(String contentType, byte[] body) {
        return Http.sendBody(
                "POST",
                "/api/token/",
                contentType,
                HttpRequest.BodyPublishers.ofByteArray(body),
                "X-Forwarded-For",
                CLIENT);
    }

    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof byte[] raw ? raw : part.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    static void assertNoActiveAccount(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals(
                "Bearer realm=\"api\"",
                response.headers().firstValue("WWW-Authenticate").orElse(null));
        assertEquals(Json.createObjectBuilder().add("detail", NO_ACTIVE_ACCOUNT).build(), Http.json(response));
    }

    static void assertInvalidBasic(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals(
                "Basic realm=\"api\"",
                response.headers().firstValue("WWW-Authenticate").orElse(null));
        assertEquals(Json.createObjectBuilder().add("detail", INVALID_BASIC).build(), Http.json(response));
    }

    /** The user still logs in, and the users table is still there: nothing was injected. */
    static void assertUnharmed(TestUsers.Credentials user) {
        assertEquals(200, loginJson(user.username(), user.password()).statusCode());
        assertEquals(
                200,
                Http.get("/api/users/" + user.username() + "/", "Authorization", TestUsers.ADMIN.basic())
                        .statusCode());
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("hostile")
    void hostileUsernamesAtTheJwtLoginAreWrongCredentials(String hostile) {
        var user = TestUsers.create();
        assertNoActiveAccount(loginJson(TestUsers.uniqueName("u") + hostile, user.password()));
        assertNoActiveAccount(loginForm(TestUsers.uniqueName("u") + hostile, user.password()));
        assertUnharmed(user);
    }

    @Test
    void usernameBytesThatAreNotUtf8AtTheJwtLoginAreWrongCredentials() {
        var user = TestUsers.create();
        String unique = TestUsers.uniqueName("u");
        assertNoActiveAccount(loginBytes(
                "application/json",
                bytes("{\"username\":\"", unique, NOT_UTF8, "\",\"password\":\"", user.password(), "\"}")));
        assertNoActiveAccount(loginBytes(
                "application/x-www-form-urlencoded",
                bytes("username=", TestUsers.uniqueName("u"), NOT_UTF8, "&password=", user.password())));
        assertUnharmed(user);
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("hostile")
    void hostilePasswordsAtTheJwtLoginAreWrongCredentials(String hostile) {
        var user = TestUsers.create();
        assertNoActiveAccount(loginJson(user.username(), hostile));
        assertNoActiveAccount(loginForm(user.username(), hostile));
        assertUnharmed(user);
    }

    @Test
    void passwordBytesThatAreNotUtf8AtTheJwtLoginAreWrongCredentials() {
        var user = TestUsers.create();
        assertNoActiveAccount(loginBytes(
                "application/json", bytes("{\"username\":\"", user.username(), "\",\"password\":\"", NOT_UTF8, "\"}")));
        assertNoActiveAccount(loginBytes(
                "application/x-www-form-urlencoded", bytes("username=", user.username(), "&password=", NOT_UTF8)));
        assertUnharmed(user);
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("hostileBasicPasswords")
    void hostilePasswordsInBasicAreWrongCredentials(String hostile) {
        // Hostile Basic usernames are in BasicAuthenticationIT; here the password of a real user.
        var user = TestUsers.create();
        String header = "Basic "
                + Base64.getEncoder()
                        .encodeToString((user.username() + ":" + hostile).getBytes(StandardCharsets.UTF_8));
        assertInvalidBasic(Http.get("/api/hello/", "Authorization", header, "X-Forwarded-For", CLIENT));
        assertUnharmed(user);
    }

    static Stream<String> hostileBasicPasswords() {
        return Stream.of("admin' OR '1'='1' --", "nul\u0000byte", "ctl\u0001\u0007\u001b\r\nchars", "a".repeat(2_000));
    }

    @Test
    void bytesThatAreNotUtf8AndSqlInBasicAreWrongCredentials() {
        var user = TestUsers.create();
        String notUtf8 = "Basic " + Base64.getEncoder().encodeToString(bytes(user.username(), ":", NOT_UTF8));
        assertInvalidBasic(Http.get("/api/hello/", "Authorization", notUtf8, "X-Forwarded-For", CLIENT));
        String drop = "Basic "
                + Base64.getEncoder()
                        .encodeToString(("\"; DROP TABLE users; --" + TestUsers.uniqueName("u") + ":pw")
                                .getBytes(StandardCharsets.UTF_8));
        assertInvalidBasic(Http.get("/api/hello/", "Authorization", drop, "X-Forwarded-For", CLIENT));
        assertUnharmed(user);
    }
}
