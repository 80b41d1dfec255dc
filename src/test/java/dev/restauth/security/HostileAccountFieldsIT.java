package dev.restauth.security;

import static dev.restauth.security.HostileCredentialsIT.HOSTILE;
import static dev.restauth.security.HostileCredentialsIT.NOT_UTF8;
import static dev.restauth.security.HostileCredentialsIT.bytes;
import static dev.restauth.testsupport.Http.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile values (SQL, NUL and other control characters, very long values, bytes that are not
 * UTF-8) in the account fields: DRF's token login (JSON and form), the token names, the password
 * change, the admin's user creation and the usernames in admin paths. Wrong credentials get
 * exactly the wrong-credentials answer, invalid values Django's field errors, never a 5xx.
 * About 30 failed password checks, all from one client address of this class.
 */
class HostileAccountFieldsIT {

    static final String HOSTILE_VALUES = "dev.restauth.security.HostileCredentialsIT#hostile";

    static final String CLIENT = "198.51.100.22";

    static final String UNABLE_TO_LOG_IN = "Unable to log in with provided credentials.";
    static final String WRONG_OLD_PASSWORD = "Your old password was entered incorrectly. Please enter it again.";
    static final String INVALID_USERNAME =
            "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters.";
    static final String INVALID_ROLE =
            "Enter a valid role: 1 to 64 letters, digits and _ . : - characters (\"authenticated\" is reserved).";
    /** DRF's CharField (ProhibitNullCharactersValidator): PostgreSQL text cannot hold U+0000. */
    static final String NULL_CHARACTERS = "Null characters are not allowed.";

    static JsonObject fieldError(String field, String message) {
        return Json.createObjectBuilder()
                .add(field, Json.createArrayBuilder().add(message))
                .build();
    }

    static void assertBody(int status, JsonObject body, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.request().uri() + ": " + response.body());
        assertEquals(body, Http.json(response));
    }

    static HttpResponse<String> postJson(String path, JsonObject body, String... authorization) {
        String[] headers = authorization.length == 0
                ? new String[] {"X-Forwarded-For", CLIENT}
                : new String[] {"Authorization", authorization[0], "X-Forwarded-For", CLIENT};
        return Http.send("POST", path, "application/json", body.toString(), headers);
    }

    static HttpResponse<String> postBytes(String path, String contentType, byte[] body, String... authorization) {
        String[] headers = authorization.length == 0
                ? new String[] {"X-Forwarded-For", CLIENT}
                : new String[] {"Authorization", authorization[0], "X-Forwarded-For", CLIENT};
        return Http.sendBody("POST", path, contentType, HttpRequest.BodyPublishers.ofByteArray(body), headers);
    }

    static JsonObject login(String username, String password) {
        return Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .build();
    }

    static HttpResponse<String> tokenLoginForm(String username, String password) {
        return Http.send(
                "POST",
                "/api/auth-token/",
                "application/x-www-form-urlencoded",
                "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8),
                "X-Forwarded-For",
                CLIENT);
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource(HOSTILE_VALUES)
    void hostileUsernamesAtTheTokenLoginAreDrfsNonFieldError(String hostile) {
        var user = TestUsers.create();
        JsonObject unable = fieldError("non_field_errors", UNABLE_TO_LOG_IN);
        assertBody(
                400, unable, postJson("/api/auth-token/", login(TestUsers.uniqueName("u") + hostile, user.password())));
        assertBody(400, unable, tokenLoginForm(TestUsers.uniqueName("u") + hostile, user.password()));
        assertEquals(
                200,
                postJson("/api/auth-token/", login(user.username(), user.password()))
                        .statusCode());
    }

    @Test
    void bytesThatAreNotUtf8AtTheTokenLoginAreDrfsNonFieldError() {
        var user = TestUsers.create();
        JsonObject unable = fieldError("non_field_errors", UNABLE_TO_LOG_IN);
        assertBody(
                400,
                unable,
                postBytes(
                        "/api/auth-token/",
                        "application/json",
                        bytes(
                                "{\"username\":\"",
                                TestUsers.uniqueName("u"),
                                NOT_UTF8,
                                "\",\"password\":\"",
                                user.password(),
                                "\"}")));
        assertBody(
                400,
                unable,
                postBytes(
                        "/api/auth-token/",
                        "application/x-www-form-urlencoded",
                        bytes("username=", user.username(), "&password=", NOT_UTF8)));
        assertEquals(
                200,
                postJson("/api/auth-token/", login(user.username(), user.password()))
                        .statusCode());
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource(HOSTILE_VALUES)
    void hostilePasswordsAtTheTokenLoginAreDrfsNonFieldError(String hostile) {
        var user = TestUsers.create();
        JsonObject unable = fieldError("non_field_errors", UNABLE_TO_LOG_IN);
        assertBody(400, unable, postJson("/api/auth-token/", login(user.username(), hostile)));
        assertBody(400, unable, tokenLoginForm(user.username(), hostile));
        assertEquals(
                200,
                postJson("/api/auth-token/", login(user.username(), user.password()))
                        .statusCode());
    }

    @Test
    void hostileTokenNamesAreStoredHarmlesslyOrRefused() {
        var user = TestUsers.create();
        for (String name : List.of("x' OR '1'='1' --", "ctl\u0001\u0007\u001bchars")) {
            var obtained = postJson(
                    "/api/auth-token/",
                    Json.createObjectBuilder(login(user.username(), user.password()))
                            .add("name", name)
                            .build());
            assertEquals(200, obtained.statusCode(), obtained.body());
            var created = postJson(
                    "/api/auth-tokens/",
                    Json.createObjectBuilder().add("name", name).build(),
                    user.basic());
            assertEquals(201, created.statusCode(), created.body());
            assertEquals(name, Http.json(created).getString("name"));
        }
        JsonObject tooLong = fieldError("name", "Ensure this field has no more than 100 characters.");
        assertBody(
                400,
                tooLong,
                postJson(
                        "/api/auth-tokens/",
                        Json.createObjectBuilder()
                                .add("name", "a".repeat(30_000))
                                .build(),
                        user.basic()));
        assertBody(
                400,
                tooLong,
                postJson(
                        "/api/auth-token/",
                        Json.createObjectBuilder(login(user.username(), user.password()))
                                .add("name", "a".repeat(30_000))
                                .build()));
        var listed = Http.get("/api/auth-tokens/", "Authorization", user.basic());
        assertEquals(4, Http.jsonArray(listed).size(), listed.body());
    }

    @Test
    void aNulInATokenNameIsAFieldErrorNotA500() {
        var user = TestUsers.create();
        JsonObject nul = fieldError("name", NULL_CHARACTERS);
        var obtained = postJson(
                "/api/auth-token/",
                Json.createObjectBuilder(login(user.username(), user.password()))
                        .add("name", "nul\u0000byte")
                        .build());
        var created = postJson(
                "/api/auth-tokens/",
                Json.createObjectBuilder().add("name", "nul\u0000byte").build(),
                user.basic());
        String drfKey = (UUID.randomUUID().toString() + UUID.randomUUID())
                .replace("-", "")
                .substring(0, 40);
        var imported = postJson(
                "/api/users/" + user.username() + "/auth-token/import",
                Json.createObjectBuilder()
                        .add("key", drfKey)
                        .add("name", "nul\u0000byte")
                        .build(),
                TestUsers.ADMIN.basic());
        assertAll(
                () -> assertBody(400, nul, obtained),
                () -> assertBody(400, nul, created),
                () -> assertBody(400, nul, imported));
    }

    static HttpResponse<String> changePassword(TestUsers.Credentials user, String oldPassword, String newPassword) {
        return postJson(
                "/api/users/me/password/",
                Json.createObjectBuilder()
                        .add("old_password", oldPassword)
                        .add("new_password", newPassword)
                        .build(),
                user.basic());
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource(HOSTILE_VALUES)
    void hostileOldPasswordsAreDjangosWrongPasswordError(String hostile) {
        var user = TestUsers.create();
        assertBody(
                400,
                fieldError("old_password", WRONG_OLD_PASSWORD),
                changePassword(user, hostile, "a brand new secret"));
        assertEquals(200, Http.get("/api/hello/", "Authorization", user.basic()).statusCode(), "unchanged");
    }

    @Test
    void oldPasswordBytesThatAreNotUtf8AreDjangosWrongPasswordError() {
        var user = TestUsers.create();
        assertBody(
                400,
                fieldError("old_password", WRONG_OLD_PASSWORD),
                postBytes(
                        "/api/users/me/password/",
                        "application/json",
                        bytes("{\"old_password\":\"", NOT_UTF8, "\",\"new_password\":\"a brand new secret\"}"),
                        user.basic()));
        assertEquals(200, Http.get("/api/hello/", "Authorization", user.basic()).statusCode(), "unchanged");
    }

    @Test
    void hostileNewPasswordsAreAcceptedVerbatimOrRefusedAsTooLong() {
        // Passwords are any text (NIST 800-63B): what was set is exactly what logs in afterwards.
        var user = TestUsers.create();
        String current = user.password();
        for (String hostile : List.of(
                "x' OR '1'='1' --", "pass\u0000word-nul", "pass\u0001\u0007\u001b\r\nword", "\uFFFD".repeat(8))) {
            var changed = changePassword(new TestUsers.Credentials(user.username(), current), current, hostile);
            assertBody(
                    200,
                    Json.createObjectBuilder()
                            .add("detail", "New password has been saved.")
                            .build(),
                    changed);
            current = hostile;
            var login = HostileCredentialsIT.loginJson(user.username(), current);
            assertEquals(200, login.statusCode(), login.body());
        }
        assertBody(
                400,
                fieldError("new_password", "This password is too long. It must contain at most 1024 characters."),
                changePassword(new TestUsers.Credentials(user.username(), current), current, "a".repeat(30_000)));
    }

    static HttpResponse<String> createUser(JsonObject body) {
        return postJson("/api/users/", body, TestUsers.ADMIN.basic());
    }

    static JsonObject newUser(String username, String password, String... roles) {
        var roleArray = Json.createArrayBuilder();
        for (String role : roles) {
            roleArray.add(role);
        }
        return Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .add("roles", roleArray)
                .build();
    }

    static Stream<String> hostileNames() {
        return HOSTILE.subList(0, 4).stream();
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("hostileNames")
    void hostileNamesAndRolesOfANewUserAreDjangosFieldErrors(String hostile) {
        assertBody(
                400,
                fieldError("username", INVALID_USERNAME),
                createUser(newUser(TestUsers.uniqueName("u") + hostile, "long enough")));
        assertBody(
                400,
                fieldError("roles", INVALID_ROLE),
                createUser(newUser(TestUsers.uniqueName("u"), "long enough", "staff", hostile)));
    }

    @Test
    void overlongAndNonUtf8FieldsOfANewUserAreDjangosFieldErrors() {
        assertBody(
                400,
                fieldError("username", "Ensure this field has no more than 150 characters."),
                createUser(newUser("a".repeat(30_000), "long enough")));
        assertBody(
                400,
                fieldError("roles", INVALID_ROLE),
                createUser(newUser(TestUsers.uniqueName("u"), "long enough", "a".repeat(30_000))));
        assertBody(
                400,
                fieldError("username", INVALID_USERNAME),
                postBytes(
                        "/api/users/",
                        "application/json",
                        bytes("{\"username\":\"u", NOT_UTF8, "\",\"password\":\"long enough\"}"),
                        TestUsers.ADMIN.basic()));
        assertBody(
                400,
                fieldError("password", "This password is too long. It must contain at most 1024 characters."),
                createUser(newUser(TestUsers.uniqueName("u"), "a".repeat(30_000))));
    }

    @ParameterizedTest(name = "{index}")
    @ValueSource(
            strings = {
                "x' OR '1'='1' --",
                "pass\u0000word-nul",
                "pass\u0001\u0007\u001b\r\nword",
                "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD"
            })
    void hostilePasswordsOfANewUserAreStoredVerbatim(String hostile) {
        String username = TestUsers.uniqueName("u");
        var created = createUser(newUser(username, hostile));
        assertEquals(201, created.statusCode(), created.body());
        var login = HostileCredentialsIT.loginJson(username, hostile);
        assertEquals(200, login.statusCode(), login.body());
    }

    static Stream<String> hostileAdminPaths() {
        return Stream.of(
                "/api/users/x%27%20OR%20%271%27=%271/",
                "/api/users/%22%3B%20DROP%20TABLE%20users%3B%20--/",
                "/api/users/" + "a".repeat(10_000) + "/",
                "/api/users/x%27%20OR%20%271%27=%271/auth-tokens/");
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("hostileAdminPaths")
    void hostileUsernamesInAdminPathsAreNotFound(String path) {
        assertJsonError(Http.get(path, "Authorization", TestUsers.ADMIN.basic()), 404, "Not found.");
    }

    @Test
    void hostileUsernamesInAdminPathsAreRefusedWithoutLeaks() {
        assertJsonError(
                Http.get("/api/users/%FF%FE/", "Authorization", TestUsers.ADMIN.basic()), 400, "Malformed request.");
        // Control characters: Liberty's web container refuses the URI before any application code
        // runs and answers with its own short HTML page (Open Liberty issue #33162; README,
        // "Security"). It is still a 4xx that echoes nothing raw and carries no stack trace.
        List<Executable> checks = new ArrayList<>();
        for (String path : List.of("/api/users/nul%00byte/", "/api/users/ctl%07%1Bchars/", "/api/users/a%0Ab/")) {
            var response = Http.get(path, "Authorization", TestUsers.ADMIN.basic());
            checks.add(() -> {
                assertEquals(400, response.statusCode(), path + ": " + response.body());
                assertFalse(response.body().contains("Exception"), path + ": " + response.body());
                assertFalse(
                        response.body().matches("(?s).*[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F].*"),
                        path + ": raw control characters echoed");
            });
        }
        assertAll(checks);
    }
}
