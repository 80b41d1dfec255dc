package dev.restauth.users.boundary;

import static dev.restauth.testsupport.Http.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.RawHttp;
import dev.restauth.testsupport.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The users API over HTTP, as an admin and as an ordinary user. */
class UsersIT {

    static HttpResponse<String> asAdmin(String method, String path, String json) {
        return Http.send(
                method, path, json == null ? null : "application/json", json, "Authorization", TestUsers.ADMIN.basic());
    }

    static List<String> fieldErrors(HttpResponse<String> response, String field) {
        assertEquals(400, response.statusCode(), response.body());
        return Http.json(response).getJsonArray(field).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    @Test
    void adminCreatesAUser() {
        String name = TestUsers.uniqueName("new");
        var response = asAdmin(
                "POST",
                "/api/users/",
                "{\"username\":\"" + name + "\",\"password\":\"long enough\",\"roles\":[\"staff\"]}");
        assertEquals(201, response.statusCode(), response.body());
        JsonObject created = Http.json(response);
        assertEquals(name, created.getString("username"));
        assertEquals(
                List.of("staff"),
                created.getJsonArray("roles").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList());
        assertFalse(created.containsKey("password"));
        assertTrue(response.headers().firstValue("Location").orElse("").endsWith("/api/users/" + name + "/"));
    }

    @Test
    void duplicateUsernameIsAFieldError() {
        var user = TestUsers.create();
        var response = asAdmin(
                "POST", "/api/users/", "{\"username\":\"" + user.username() + "\",\"password\":\"another one\"}");
        assertEquals(List.of("A user with that username already exists."), fieldErrors(response, "username"));
    }

    @Test
    void usernamesAreCaseSensitive() {
        var user = TestUsers.create();
        var response = asAdmin(
                "POST",
                "/api/users/",
                "{\"username\":\"" + user.username().toUpperCase() + "\",\"password\":\"long enough\"}");
        assertEquals(201, response.statusCode(), response.body());
    }

    @Test
    void missingAndBlankFieldsAreFieldErrors() {
        var missing = asAdmin("POST", "/api/users/", "{}");
        assertEquals(List.of("This field is required."), fieldErrors(missing, "username"));
        assertEquals(List.of("This field is required."), fieldErrors(missing, "password"));
        var blank = asAdmin("POST", "/api/users/", "{\"username\":\"  \",\"password\":\"\"}");
        assertEquals(List.of("This field may not be blank."), fieldErrors(blank, "username"));
        assertEquals(List.of("This field may not be blank."), fieldErrors(blank, "password"));
    }

    @Test
    void invalidFieldsAreFieldErrors() {
        var response = asAdmin(
                "POST", "/api/users/", "{\"username\":\"bad name!\",\"password\":\"short\",\"roles\":[\"no spaces\"]}");
        assertEquals(1, fieldErrors(response, "username").size());
        assertEquals(
                List.of("This password is too short. It must contain at least 8 characters."),
                fieldErrors(response, "password"));
        assertEquals(1, fieldErrors(response, "roles").size());
    }

    @Test
    void malformedJsonIsA400() {
        assertJsonError(
                asAdmin("POST", "/api/users/", "{\"username\": "),
                400,
                "JSON parse error - the request body is not valid JSON.");
    }

    @Test
    void adminReadsListsChangesAndDeletesUsers() {
        var user = TestUsers.create("staff");
        String path = "/api/users/" + user.username() + "/";

        JsonObject read = Http.json(asAdmin("GET", path, null));
        assertEquals(user.username(), read.getString("username"));
        assertTrue(read.getBoolean("active"));
        assertTrue(read.containsKey("created"));
        assertTrue(read.isNull("last_login"), read.toString());
        assertFalse(read.toString().contains("hash"));

        JsonArray all = Http.jsonArray(asAdmin("GET", "/api/users/", null));
        assertTrue(all.stream()
                .anyMatch(u -> user.username().equals(u.asJsonObject().getString("username"))));

        var changed = asAdmin("PATCH", path, "{\"roles\":[\"auditor\",\"staff\"],\"active\":false}");
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals(2, Http.json(changed).getJsonArray("roles").size());
        assertFalse(Http.json(changed).getBoolean("active"));

        assertEquals(204, asAdmin("DELETE", path, null).statusCode());
        assertJsonError(asAdmin("GET", path, null), 404, "Not found.");
        assertJsonError(asAdmin("DELETE", path, null), 404, "Not found.");
    }

    @Test
    void unknownUserIs404() {
        assertJsonError(asAdmin("GET", "/api/users/" + TestUsers.uniqueName("ghost") + "/", null), 404, "Not found.");
        assertJsonError(asAdmin("PATCH", "/api/users/" + TestUsers.uniqueName("ghost") + "/", "{}"), 404, "Not found.");
    }

    @Test
    void ordinaryUsersCannotManageUsers() {
        var user = TestUsers.create();
        var response = Http.get("/api/users/", "Authorization", user.basic());
        assertJsonError(response, 403, "You do not have permission to perform this action.");
    }

    @Test
    void anyUserReadsTheirOwnAccount() {
        var user = TestUsers.create("staff");
        var response = Http.get("/api/users/me/", "Authorization", user.basic());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(user.username(), Http.json(response).getString("username"));
    }

    static HttpResponse<String> changePassword(TestUsers.Credentials user, String oldPassword, String newPassword) {
        String body = Json.createObjectBuilder()
                .add("old_password", oldPassword)
                .add("new_password", newPassword)
                .build()
                .toString();
        return Http.send("POST", "/api/users/me/password/", "application/json", body, "Authorization", user.basic());
    }

    @Test
    void anyUserChangesTheirPasswordWithTheOldOne() {
        var user = TestUsers.create();
        assertEquals(
                List.of("Your old password was entered incorrectly. Please enter it again."),
                fieldErrors(changePassword(user, "not it", "brand new secret"), "old_password"));
        assertEquals(
                1,
                fieldErrors(changePassword(user, user.password(), "short"), "new_password")
                        .size());

        var changed = changePassword(user, user.password(), "brand new secret");
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals("New password has been saved.", Http.json(changed).getString("detail"));

        assertEquals(401, Http.get("/api/hello/", "Authorization", user.basic()).statusCode());
        var renewed = new TestUsers.Credentials(user.username(), "brand new secret");
        assertEquals(
                200, Http.get("/api/hello/", "Authorization", renewed.basic()).statusCode());
    }

    @Test
    void anAdminResetsAPasswordAndEveryOneOfTheUsersSessionsEnds() {
        var user = TestUsers.create();
        var pair = TestUsers.login(user);
        String key = Http.json(Http.send(
                        "POST",
                        "/api/auth-token/",
                        "application/json",
                        Json.createObjectBuilder()
                                .add("username", user.username())
                                .add("password", user.password())
                                .build()
                                .toString()))
                .getString("token");

        var reset = asAdmin("PATCH", "/api/users/" + user.username() + "/", "{\"password\":\"reset by the admin\"}");
        assertEquals(200, reset.statusCode(), reset.body());
        assertFalse(reset.body().contains("reset by the admin"));

        assertEquals(401, Http.get("/api/hello/", "Authorization", user.basic()).statusCode());
        var renewed = new TestUsers.Credentials(user.username(), "reset by the admin");
        assertEquals(
                200, Http.get("/api/hello/", "Authorization", renewed.basic()).statusCode());
        assertEquals(
                401,
                Http.get("/api/hello/", "Authorization", "Bearer " + pair.access())
                        .statusCode());
        assertEquals(
                401,
                Http.send("POST", "/api/token/refresh/", "application/json", "{\"refresh\":\"" + pair.refresh() + "\"}")
                        .statusCode());
        assertEquals(
                401, Http.get("/api/hello/", "Authorization", "Token " + key).statusCode());
    }

    @Test
    void aResetPasswordFollowsThePasswordRules() {
        var user = TestUsers.create();
        String path = "/api/users/" + user.username() + "/";
        assertEquals(
                List.of("This password is too short. It must contain at least 8 characters."),
                fieldErrors(asAdmin("PATCH", path, "{\"password\":\"short\"}"), "password"));
        assertEquals(
                List.of("This field may not be blank."),
                fieldErrors(asAdmin("PATCH", path, "{\"password\":\"\"}"), "password"));
        assertEquals(200, Http.get("/api/hello/", "Authorization", user.basic()).statusCode(), "unchanged");
    }

    @Test
    void meWithoutCredentialsIs401() {
        assertJsonError(Http.get("/api/users/me/"), 401, "Authentication credentials were not provided.");
    }

    /**
     * The new user's Location is their path, whatever the Host and the forwarded headers say
     * (nothing is built from them, no proxy is trusted for it), and nothing fails after the user
     * exists. Before, a Host that is no valid authority was a 500 after the user was created (a
     * retry then said "already exists"), and X-Forwarded-Proto chose the scheme.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "Host: bad host[\r\n",
                "Host: [::1\r\n",
                "Host: a%zz\r\n",
                "Host: localhost:99999999\r\n",
                "Host: localhost\r\nX-Forwarded-Proto: gopher\r\nX-Forwarded-Host: evil.example\r\n",
                "Host: localhost\r\nForwarded: proto=gopher;host=evil.example\r\n"
            })
    void theLocationIsTheUsersPathWhateverTheHostSays(String headers) {
        String name = TestUsers.uniqueName("loc");
        String body = "{\"username\":\"" + name + "\",\"password\":\"long enough\"}";
        String request = "POST /api/users/ HTTP/1.1\r\n" + headers + "Authorization: " + TestUsers.ADMIN.basic()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body;
        RawHttp.Answer answer = RawHttp.sendRaw(request.getBytes(StandardCharsets.UTF_8), false);
        assertEquals(201, answer.status(), answer.head() + "\n" + answer.body());
        assertTrue(answer.head().contains("\r\nLocation: /api/users/" + name + "/\r\n"), answer.head());
        assertEquals(200, asAdmin("GET", "/api/users/" + name + "/", null).statusCode());
    }

    /**
     * Django's create_user normalizes a username with NFKC, so a compatibility twin of a name is
     * that name ("A user with that username already exists."); its logins (ModelBackend) look the
     * name up as given, so only the stored, normalized spelling logs in.
     */
    @Test
    void usernamesAreNfkcNormalizedWhenCreatedAsDjangoDoes() {
        var user = TestUsers.create();
        String fullwidth = fullwidth(user.username());
        assertEquals(
                List.of("A user with that username already exists."),
                fieldErrors(
                        asAdmin(
                                "POST",
                                "/api/users/",
                                "{\"username\":\"" + fullwidth + "\",\"password\":\"long enough\"}"),
                        "username"));

        String ascii = TestUsers.uniqueName("nfkc");
        var created = asAdmin(
                "POST",
                "/api/users/",
                "{\"username\":\"" + fullwidth(ascii) + "\ufb01\",\"password\":\"long enough\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(ascii + "fi", Http.json(created).getString("username"), "stored normalized (ﬁ is f, i)");
        assertEquals(
                "/api/users/" + ascii + "fi/",
                created.headers().firstValue("Location").orElse(null));
        var login = Http.send(
                "POST",
                "/api/token/",
                "application/json",
                "{\"username\":\"" + ascii + "fi\",\"password\":\"long enough\"}");
        assertEquals(200, login.statusCode(), login.body());
        var twinLogin = Http.send(
                "POST",
                "/api/token/",
                "application/json",
                "{\"username\":\"" + fullwidth(ascii) + "\ufb01\",\"password\":\"long enough\"}",
                "X-Forwarded-For",
                "198.51.100.32");
        assertEquals(401, twinLogin.statusCode(), "as Django's ModelBackend: looked up as given");
    }

    /** Letters and digits as their fullwidth forms (U+FF01..U+FF5E), which NFKC maps back. */
    static String fullwidth(String ascii) {
        StringBuilder wide = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            wide.append(Character.isLetterOrDigit(c) ? (char) (c + 0xFEE0) : c);
        }
        return wide.toString();
    }
}
