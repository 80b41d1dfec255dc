package dev.restauth.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every text and list field of every request record, read as DRF's serializer fields read them,
 * with DRF's messages (each checked against the DRF reference): a boolean, object or array where
 * text belongs is "Not a valid string.", null is "This field may not be null.", a number is its
 * text, a list must be a list of text (messages per item), the body must be a JSON object. Before,
 * JSON-B either failed the whole body ("JSON parse error") or coerced the value, and null passed as
 * absent.
 */
class RequestFieldsIT {

    /** Where this class's one failed login comes from, once the test server trusts one proxy. */
    static final String CLIENT = "198.51.100.30";

    /** Who calls: {@code user} stands for a fresh user (their Basic credentials, their name in the path). */
    enum Caller {
        ANONYMOUS,
        USER,
        ADMIN
    }

    /** Method, path ({u}: the user's name), caller, a body the endpoint accepts apart from the field, the field. */
    static Stream<Arguments> textFields() {
        return Stream.of(
                Arguments.of(
                        "POST", "/api/token/", Caller.ANONYMOUS, "{\"username\":\"u\",\"password\":\"p\"}", "username"),
                Arguments.of(
                        "POST", "/api/token/", Caller.ANONYMOUS, "{\"username\":\"u\",\"password\":\"p\"}", "password"),
                Arguments.of("POST", "/api/token/refresh/", Caller.ANONYMOUS, "{}", "refresh"),
                Arguments.of("POST", "/api/token/verify/", Caller.ANONYMOUS, "{}", "token"),
                Arguments.of("POST", "/api/token/blacklist/", Caller.ANONYMOUS, "{}", "refresh"),
                Arguments.of(
                        "POST",
                        "/api/auth-token/",
                        Caller.ANONYMOUS,
                        "{\"username\":\"u\",\"password\":\"p\"}",
                        "username"),
                Arguments.of(
                        "POST",
                        "/api/auth-token/",
                        Caller.ANONYMOUS,
                        "{\"username\":\"u\",\"password\":\"p\"}",
                        "password"),
                Arguments.of(
                        "POST",
                        "/api/auth-token/",
                        Caller.ANONYMOUS,
                        "{\"username\":\"u\",\"password\":\"p\"}",
                        "name"),
                Arguments.of("POST", "/api/auth-tokens/", Caller.USER, "{}", "name"),
                Arguments.of("POST", "/api/auth-tokens/", Caller.USER, "{}", "expires_in"),
                Arguments.of("POST", "/api/users/{u}/auth-token/import", Caller.ADMIN, "{}", "key"),
                Arguments.of("POST", "/api/users/{u}/auth-token/import", Caller.ADMIN, "{}", "name"),
                Arguments.of(
                        "POST", "/api/users/", Caller.ADMIN, "{\"username\":\"u\",\"password\":\"p\"}", "username"),
                Arguments.of(
                        "POST", "/api/users/", Caller.ADMIN, "{\"username\":\"u\",\"password\":\"p\"}", "password"),
                Arguments.of("PATCH", "/api/users/{u}/", Caller.ADMIN, "{}", "password"),
                Arguments.of("POST", "/api/users/me/password/", Caller.USER, "{}", "old_password"),
                Arguments.of("POST", "/api/users/me/password/", Caller.USER, "{}", "new_password"));
    }

    /** What DRF's CharField refuses, and its message. */
    static final List<String[]> NOT_TEXT = List.of(
            new String[] {"true", "Not a valid string."},
            new String[] {"false", "Not a valid string."},
            new String[] {"{\"a\":1}", "Not a valid string."},
            new String[] {"[\"x\"]", "Not a valid string."},
            new String[] {"null", "This field may not be null."});

    static Stream<Arguments> wrongTextValues() {
        return textFields().flatMap(field -> NOT_TEXT.stream().map(value -> {
            Object[] args = field.get();
            return Arguments.of(args[0], args[1], args[2], args[3], args[4], value[0], value[1]);
        }));
    }

    static HttpResponse<String> send(
            String method, String path, Caller caller, JsonObject body, TestUsers.Credentials user) {
        String resolved = user == null ? path : path.replace("{u}", user.username());
        return switch (caller) {
            case ANONYMOUS -> Http.send(method, resolved, "application/json", body.toString());
            case USER ->
                Http.send(method, resolved, "application/json", body.toString(), "Authorization", user.basic());
            case ADMIN ->
                Http.send(
                        method,
                        resolved,
                        "application/json",
                        body.toString(),
                        "Authorization",
                        TestUsers.ADMIN.basic());
        };
    }

    static JsonValue json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    static JsonObject with(String body, String field, JsonValue value) {
        return Json.createObjectBuilder(json(body).asJsonObject())
                .add(field, value)
                .build();
    }

    static JsonObject fieldError(String field, String message) {
        return Json.createObjectBuilder()
                .add(field, Json.createArrayBuilder().add(message))
                .build();
    }

    @ParameterizedTest(name = "{0} {1} {4}={5}")
    @MethodSource("wrongTextValues")
    void aTextFieldTakesTextOrANumber(
            String method, String path, Caller caller, String body, String field, String value, String message) {
        var user = caller == Caller.ANONYMOUS ? null : TestUsers.create();
        var response = send(method, path, caller, with(body, field, json(value)), user);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(fieldError(field, message), Http.json(response));
    }

    /** Python's str() of the number: ints exactly, floats in repr's shortest form. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "12|12",
                "100000000000000000000|100000000000000000000",
                "1e5|100000.0",
                "1.5e300|1.5e+300",
                "0.0001|0.0001",
                "1e-05|1e-05",
                "-2.50|-2.5"
            })
    void aNumberWhereTextBelongsIsItsTextAsDrfReadsIt(String number, String text) {
        var user = TestUsers.create();
        var created = send("POST", "/api/auth-tokens/", Caller.USER, with("{}", "name", json(number)), user);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(text, Http.json(created).getString("name"));
    }

    @Test
    void numericUsernamesAndPasswordsAreTheirDigits() {
        String digits = Long.toString(System.nanoTime());
        var created = send(
                "POST",
                "/api/users/",
                Caller.ADMIN,
                Json.createObjectBuilder()
                        .add("username", Long.parseLong(digits))
                        .add("password", 123456789012L)
                        .build(),
                TestUsers.create());
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(digits, Http.json(created).getString("username"));
        var login = Http.send(
                "POST", "/api/token/", "application/json", "{\"username\":" + digits + ",\"password\":123456789012}");
        assertEquals(200, login.statusCode(), login.body());
    }

    /** DRF's CharField strips text; password fields keep it as sent. */
    @Test
    void textIsStrippedButPasswordsAreKeptAsSent() {
        var user = TestUsers.createWithPassword("  spaced out secret  ");
        String padded = "{\"username\":\"  " + user.username() + "\\t\",\"password\":\"  spaced out secret  \"}";
        assertEquals(
                200,
                Http.send("POST", "/api/token/", "application/json", padded).statusCode());
        assertEquals(
                200,
                Http.send("POST", "/api/auth-token/", "application/json", padded)
                        .statusCode());
        var trimmed = Http.send(
                "POST",
                "/api/token/",
                "application/json",
                "{\"username\":\"" + user.username() + "\",\"password\":\"spaced out secret\"}",
                "X-Forwarded-For",
                CLIENT);
        assertEquals(401, trimmed.statusCode(), "the password is not stripped");
        var blank = send("POST", "/api/auth-tokens/", Caller.USER, with("{}", "expires_in", json("\" \"")), user);
        assertEquals(
                fieldError("expires_in", "Enter a positive ISO-8601 duration, such as P30D, or \"never\"."),
                Http.json(blank));
    }

    /** Method, path, caller, body without the list: the list fields (roles). */
    static Stream<Arguments> listFields() {
        return Stream.of(
                Arguments.of("POST", "/api/users/", "{\"username\":\"{new}\",\"password\":\"long enough\"}"),
                Arguments.of("PATCH", "/api/users/{u}/", "{}"));
    }

    static Stream<Arguments> wrongLists() {
        List<String[]> wrong = List.of(
                new String[] {"\"admin\"", "{\"roles\":[\"Expected a list of items but got type \\\"str\\\".\"]}"},
                new String[] {"{\"a\":1}", "{\"roles\":[\"Expected a list of items but got type \\\"dict\\\".\"]}"},
                new String[] {"7", "{\"roles\":[\"Expected a list of items but got type \\\"int\\\".\"]}"},
                new String[] {"7.5", "{\"roles\":[\"Expected a list of items but got type \\\"float\\\".\"]}"},
                new String[] {"true", "{\"roles\":[\"Expected a list of items but got type \\\"bool\\\".\"]}"},
                new String[] {"null", "{\"roles\":[\"This field may not be null.\"]}"},
                new String[] {
                    "[null, 1, true, {}, [\"a\"], \"\", \"ok\"]",
                    "{\"roles\":{\"0\":[\"This field may not be null.\"],\"2\":[\"Not a valid string.\"],"
                            + "\"3\":[\"Not a valid string.\"],\"4\":[\"Not a valid string.\"],"
                            + "\"5\":[\"This field may not be blank.\"]}}"
                });
        return listFields().flatMap(field -> wrong.stream().map(value -> {
            Object[] args = field.get();
            return Arguments.of(args[0], args[1], args[2], value[0], value[1]);
        }));
    }

    @ParameterizedTest(name = "{0} {1} roles={3}")
    @MethodSource("wrongLists")
    void aListFieldTakesAListOfText(String method, String path, String body, String roles, String expected) {
        var user = TestUsers.create();
        JsonObject request = with(body.replace("{new}", TestUsers.uniqueName("new")), "roles", json(roles));
        var response = send(method, path, Caller.ADMIN, request, user);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(json(expected), Http.json(response));
        var unchanged = Http.get("/api/users/" + user.username() + "/", "Authorization", TestUsers.ADMIN.basic());
        assertEquals("[]", Http.json(unchanged).getJsonArray("roles").toString());
    }

    @Test
    void duplicateRolesAreOneRole() {
        var user = TestUsers.create();
        var response = send(
                "PATCH", "/api/users/{u}/", Caller.ADMIN, with("{}", "roles", json("[\"a\",\"a\",\" b \"]")), user);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                List.of("a", "b"),
                Http.json(response).getJsonArray("roles").getValuesAs(JsonString::getString).stream()
                        .sorted()
                        .toList());
    }

    /** Every endpoint that reads JSON, and what DRF says when the body is no object. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "POST, /api/token/, ANONYMOUS",
        "POST, /api/token/refresh/, ANONYMOUS",
        "POST, /api/token/verify/, ANONYMOUS",
        "POST, /api/token/blacklist/, ANONYMOUS",
        "POST, /api/auth-token/, ANONYMOUS",
        "POST, /api/auth-tokens/, USER",
        "POST, /api/users/me/password/, USER",
        "POST, /api/users/, ADMIN",
        "PATCH, /api/users/{u}/, ADMIN",
        "POST, /api/users/{u}/auth-token/import, ADMIN"
    })
    void aBodyThatIsNoObjectIsDrfsNonFieldError(String method, String path, Caller caller) {
        var user = TestUsers.create();
        List<String[]> bodies = List.of(
                new String[] {"[1,2]", "Invalid data. Expected a dictionary, but got list."},
                new String[] {"\"text\"", "Invalid data. Expected a dictionary, but got str."},
                new String[] {"12", "Invalid data. Expected a dictionary, but got int."},
                new String[] {"true", "Invalid data. Expected a dictionary, but got bool."},
                new String[] {"null", "No data provided"});
        for (String[] body : bodies) {
            String resolved = path.replace("{u}", user.username());
            String[] authorization =
                    switch (caller) {
                        case ANONYMOUS -> new String[0];
                        case USER -> new String[] {"Authorization", user.basic()};
                        case ADMIN -> new String[] {"Authorization", TestUsers.ADMIN.basic()};
                    };
            var response = Http.send(method, resolved, "application/json", body[0], authorization);
            assertEquals(400, response.statusCode(), body[0] + ": " + response.body());
            assertEquals(fieldError("non_field_errors", body[1]), Http.json(response), body[0]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"username\": ", "{\"username\": \"x\"} trailing", "{'username': 'x'}"})
    void malformedJsonIsStillDrfsParseError(String body) {
        Http.assertJsonError(
                Http.send("POST", "/api/token/", "application/json", body),
                400,
                "JSON parse error - the request body is not valid JSON.");
    }
}
