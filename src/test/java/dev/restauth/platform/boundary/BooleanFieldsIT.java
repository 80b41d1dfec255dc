package dev.restauth.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.TestUsers;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every boolean, in a body ({@code active}) or a query ({@code ?reset=}), means what DRF 3.14's
 * BooleanField makes of it: its TRUE_VALUES and FALSE_VALUES spellings (rest_framework/fields.py),
 * and a 400 "Must be a valid boolean." for anything else, with nothing done. Before, any value but
 * JSON {@code true}/{@code false} deactivated a user, and any reset but {@code true} minted a new
 * key beside the old ones.
 */
class BooleanFieldsIT {

    static final String NOT_A_BOOLEAN = "{\"%s\":[\"Must be a valid boolean.\"]}";

    /** As JSON: DRF's true spellings, and the numbers Python finds equal to 1. */
    static Stream<String> trueJson() {
        return Stream.concat(
                Stream.of("true", "1", "1.0"),
                Stream.of("true", "True", "TRUE", "t", "T", "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "1")
                        .map(text -> "\"" + text + "\""));
    }

    static Stream<String> falseJson() {
        return Stream.concat(
                Stream.of("false", "0", "0.0", "-0.0"),
                Stream.of("false", "False", "FALSE", "f", "F", "n", "N", "no", "No", "NO", "off", "Off", "OFF", "0")
                        .map(text -> "\"" + text + "\""));
    }

    /** Not booleans to DRF, whatever they look like; and null, which no boolean here accepts. */
    static Stream<Arguments> notBooleanJson() {
        return Stream.concat(
                Stream.of(
                                "\"garbage\"",
                                "\"\"",
                                "\" \"",
                                "\"tRUE\"",
                                "\"yes \"",
                                "\"1.0\"",
                                "\"2\"",
                                "2",
                                "0.5",
                                "-1",
                                "1e400",
                                "{}",
                                "[]",
                                "[true]")
                        .map(value -> Arguments.of(value, String.format(NOT_A_BOOLEAN, "active"))),
                Stream.of(Arguments.of("null", "{\"active\":[\"This field may not be null.\"]}")));
    }

    static boolean active(String username) {
        var user = Http.get("/api/users/" + username + "/", "Authorization", TestUsers.ADMIN.basic());
        assertEquals(200, user.statusCode(), user.body());
        return Http.json(user).getBoolean("active");
    }

    @ParameterizedTest
    @MethodSource("trueJson")
    void activeTrueInEveryDrfSpellingActivates(String value) {
        var user = TestUsers.create();
        assertEquals(200, TestUsers.patch(user.username(), "{\"active\":false}").statusCode());
        var response = TestUsers.patch(user.username(), "{\"active\":" + value + "}");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(true, active(user.username()), value);
    }

    @ParameterizedTest
    @MethodSource("falseJson")
    void activeFalseInEveryDrfSpellingDeactivates(String value) {
        var user = TestUsers.create();
        var response = TestUsers.patch(user.username(), "{\"active\":" + value + "}");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(false, active(user.username()), value);
    }

    @ParameterizedTest
    @MethodSource("notBooleanJson")
    void anythingElseIsA400AndTheUserStaysActive(String value, String expected) {
        var user = TestUsers.create();
        var response = TestUsers.patch(user.username(), "{\"active\":" + value + "}");
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(expected, response.body());
        assertEquals(true, active(user.username()), value);
        assertEquals(200, Http.get("/api/hello/", "Authorization", user.basic()).statusCode());
    }

    static HttpResponse<String> newKey(String username, String query) {
        return Http.send(
                "POST",
                "/api/users/" + username + "/auth-token/" + query,
                null,
                null,
                "Authorization",
                TestUsers.ADMIN.basic());
    }

    static int tokenCount(String username) {
        var listed = Http.get("/api/users/" + username + "/auth-tokens/", "Authorization", TestUsers.ADMIN.basic());
        return Http.jsonArray(listed).size();
    }

    static String query(String value) {
        return "?reset=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static Stream<String> trueText() {
        return Stream.of("true", "True", "TRUE", "t", "T", "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "1");
    }

    static Stream<String> falseText() {
        return Stream.of("false", "False", "FALSE", "f", "F", "n", "N", "no", "No", "NO", "off", "Off", "OFF", "0");
    }

    static Stream<String> notBooleanQueries() {
        return Stream.of(
                "?reset=", "?reset", "?reset=garbage", "?reset=2", "?reset=truee", "?reset=yes%20", "?reset=1.0");
    }

    @ParameterizedTest
    @MethodSource("trueText")
    void resetInEveryDrfTrueSpellingRevokesTheOtherKeys(String value) {
        var user = TestUsers.create();
        String old = Http.json(newKey(user.username(), "")).getString("token");
        var response = newKey(user.username(), query(value));
        assertEquals(201, response.statusCode(), response.body());
        assertEquals(
                401, Http.get("/api/hello/", "Authorization", "Token " + old).statusCode(), "the old key is dead");
        String fresh = Http.json(response).getString("token");
        assertEquals(
                200, Http.get("/api/hello/", "Authorization", "Token " + fresh).statusCode());
    }

    @ParameterizedTest
    @MethodSource("falseText")
    void resetInEveryDrfFalseSpellingKeepsTheOtherKeys(String value) {
        var user = TestUsers.create();
        String old = Http.json(newKey(user.username(), "")).getString("token");
        assertEquals(201, newKey(user.username(), query(value)).statusCode());
        assertEquals(
                200, Http.get("/api/hello/", "Authorization", "Token " + old).statusCode());
        assertEquals(2, tokenCount(user.username()));
    }

    @ParameterizedTest
    @MethodSource("notBooleanQueries")
    void anyOtherResetIsA400AndNoKeyIsMinted(String query) {
        var user = TestUsers.create();
        String old = Http.json(newKey(user.username(), "")).getString("token");
        var response = newKey(user.username(), query);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(String.format(NOT_A_BOOLEAN, "reset"), response.body());
        assertEquals(1, tokenCount(user.username()), "no new key");
        assertEquals(
                200, Http.get("/api/hello/", "Authorization", "Token " + old).statusCode());
    }
}
