package dev.restauth.django.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testsupport.DjangoDumps;
import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.Jwts;
import dev.restauth.testsupport.TestUsers;
import dev.restauth.testsupport.TestUsers.Credentials;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code POST /api/users/import} with the dumps real Django wrote (src/test/resources/django/),
 * then the imported users log in with their Django passwords over every scheme and their DRF
 * keys work unchanged.
 */
class DjangoImportIT {

    static final JsonObject USERS = DjangoDumps.passwords("users");

    static HttpResponse<String> importDump(String json, String query) {
        return Http.send(
                "POST",
                "/api/users/import" + query,
                "application/json",
                json,
                "Authorization",
                TestUsers.ADMIN.basic());
    }

    static JsonObject report(String json, String query) {
        HttpResponse<String> response = importDump(json, query);
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response);
    }

    static void assertCounts(JsonObject counts, int created, int updated, int unchanged, int rejected) {
        assertEquals(
                List.of(created, updated, unchanged, rejected),
                List.of(
                        counts.getInt("created"),
                        counts.getInt("updated"),
                        counts.getInt("unchanged"),
                        counts.getInt("rejected")),
                counts.toString());
    }

    static Stream<String> loginUsers() {
        return USERS.entrySet().stream()
                .filter(user -> user.getValue().asJsonObject().getBoolean("django_login_ok"))
                .map(Map.Entry::getKey);
    }

    static String password(String original) {
        return USERS.getJsonObject(original).getString("password");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "users-plain.json",
                "users-compact.json",
                "users-natural-foreign.json",
                "users-shuffled.json",
                "users-natural.json"
            })
    void everyDumpFormImportsTwentyOneUsersThreeGroupsAndNineKeys(String file) {
        DjangoDumps.Copy dump = DjangoDumps.copy(file);
        JsonObject report = report(dump.json(), "");
        assertCounts(report.getJsonObject("users"), 21, 0, 0, 0);
        assertCounts(report.getJsonObject("groups"), 0, 0, 3, 0);
        assertCounts(report.getJsonObject("tokens"), 9, 0, 0, 0);
        assertEquals(0, report.getJsonArray("rejected").size());
        assertTrue(!report.toString().contains("pbkdf2") && !report.toString().contains("$"), "no hash in the report");

        // Ids are kept where the dump has them (natural-primary has none): user_id stays the same number.
        String alice = dump.username("alice");
        JsonObject claims = Jwts.part(
                TestUsers.login(new Credentials(alice, password("alice"))).access(), 1);
        String userId = DjangoDumps.text(claims.get("user_id"));
        if (file.equals("users-natural.json")) {
            assertTrue(!userId.equals("2"), userId);
        } else {
            assertEquals(String.valueOf(dump.ids().get(2L)), userId);
        }
        String key = dump.keys().get(USERS.getJsonObject("alice").getString("token"));
        assertEquals(
                200, Http.get("/api/hello/", "Authorization", "Token " + key).statusCode());
    }

    static Stream<Arguments> everyUserAndScheme() {
        DjangoDumps.Copy dump = DjangoDumps.copy("users-plain.json");
        report(dump.json(), "");
        return loginUsers().flatMap(user -> Stream.of("token", "auth-token", "basic")
                .map(scheme -> Arguments.of(user, scheme, dump.username(user), password(user))));
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("everyUserAndScheme")
    void everyImportedUserLogsInWithTheirDjangoPasswordOverEveryScheme(
            String original, String scheme, String username, String password) {
        String body = Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .build()
                .toString();
        HttpResponse<String> response =
                switch (scheme) {
                    case "token" -> Http.send("POST", "/api/token/", "application/json", body);
                    case "auth-token" -> Http.send("POST", "/api/auth-token/", "application/json", body);
                    default -> Http.get("/api/users/me/", "Authorization", new Credentials(username, password).basic());
                };
        assertEquals(200, response.statusCode(), original + ": " + response.body());
    }

    @Test
    void originalDrfKeysWorkUnlessTheirUserIsInactive() {
        DjangoDumps.Copy dump = DjangoDumps.copy("users-plain.json");
        report(dump.json(), "");
        USERS.forEach((original, value) -> {
            JsonValue token = value.asJsonObject().get("token");
            if (token instanceof JsonString original_key) {
                String key = dump.keys().get(original_key.getString());
                HttpResponse<String> me = Http.get("/api/users/me/", "Authorization", "Token " + key);
                if (value.asJsonObject().getBoolean("is_active")) {
                    assertEquals(200, me.statusCode(), original + ": " + me.body());
                    assertEquals(dump.username(original), Http.json(me).getString("username"));
                } else {
                    Http.assertJsonError(me, 401, "User inactive or deleted.");
                }
            }
        });
    }

    @Test
    void inactiveAndUnusablePasswordUsersCannotLogIn() {
        DjangoDumps.Copy dump = DjangoDumps.copy("users-plain.json");
        report(dump.json(), "");
        for (String user : List.of("mallory", "svc-reports")) {
            JsonValue password = USERS.getJsonObject(user).get("password");
            String given = password instanceof JsonString text ? text.getString() : "";
            String body = Json.createObjectBuilder()
                    .add("username", dump.username(user))
                    .add("password", given)
                    .build()
                    .toString();
            assertEquals(
                    400,
                    Http.send("POST", "/api/token/", "application/json", body).statusCode(),
                    user);
        }
    }

    @Test
    void groupsAndFlagsBecomeRoles() {
        DjangoDumps.Copy dump = DjangoDumps.copy("users-natural-foreign.json");
        report(dump.json(), "");
        Map<String, Set<String>> expected = Map.of(
                "admin", Set.of("admin"),
                "carol", Set.of("editors", "support"),
                "heidi", Set.of("admin"),
                "bob", Set.of());
        expected.forEach((original, roles) -> {
            HttpResponse<String> user =
                    Http.get("/api/users/" + dump.username(original) + "/", "Authorization", TestUsers.ADMIN.basic());
            assertEquals(200, user.statusCode(), user.body());
            assertEquals(
                    roles,
                    Http.json(user).getJsonArray("roles").getValuesAs(JsonString.class).stream()
                            .map(JsonString::getString)
                            .collect(Collectors.toSet()),
                    original);
        });
        JsonObject mallory = Http.json(
                Http.get("/api/users/" + dump.username("mallory") + "/", "Authorization", TestUsers.ADMIN.basic()));
        assertEquals(false, mallory.getBoolean("active"));
    }

    @Test
    void reimportingTheSameFileChangesNothingEvenAfterALoginRehashedAPassword() {
        DjangoDumps.Copy dump = DjangoDumps.copy("users-shuffled.json");
        report(dump.json(), "");
        TestUsers.login(new Credentials(dump.username("bob"), password("bob"))); // pbkdf2_sha1 → Argon2id
        JsonObject again = report(dump.json(), "");
        assertCounts(again.getJsonObject("users"), 0, 0, 21, 0);
        assertCounts(again.getJsonObject("tokens"), 0, 0, 9, 0);
        TestUsers.login(new Credentials(dump.username("bob"), password("bob")));
    }

    @Test
    void aDryRunReportsWithoutWriting() {
        DjangoDumps.Copy dump = DjangoDumps.copy("users-plain.json");
        JsonObject dry = report(dump.json(), "?dry_run=true");
        assertTrue(dry.getBoolean("dry_run"));
        assertCounts(dry.getJsonObject("users"), 21, 0, 0, 0);
        assertCounts(dry.getJsonObject("tokens"), 9, 0, 0, 0);
        assertEquals(
                404,
                Http.get("/api/users/" + dump.username("alice") + "/", "Authorization", TestUsers.ADMIN.basic())
                        .statusCode());
        assertCounts(report(dump.json(), "?dry_run=false").getJsonObject("users"), 21, 0, 0, 0);
    }

    @Test
    void conflictsReservedNamesAndInvalidGroupsAreReportedNotMerged() {
        DjangoDumps.Copy dump = DjangoDumps.copy("users-edge-cases.json");
        JsonObject report = report(dump.json(), "");
        assertCounts(report.getJsonObject("users"), 2, 0, 0, 2);
        assertCounts(report.getJsonObject("groups"), 0, 0, 0, 1);
        Map<String, String> problems = report.getJsonArray("rejected").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(
                        rejected -> rejected.getString("model") + " " + rejected.get("pk"),
                        rejected -> rejected.getJsonObject("errors").toString()));
        long maria = dump.ids().get(2L);
        long me = dump.ids().get(3L);
        assertEquals(
                Map.of(
                        "auth.user " + maria, "{\"username\":[\"A user with that username already exists.\"]}",
                        "auth.user " + me, "{\"username\":[\"A user with that username already exists.\"]}",
                        "auth.group " + groupPk(dump, "Support Team"),
                                "{\"name\":[\"" + escaped(INVALID_ROLE) + "\"]}"),
                problems);
        // The NFKC twin did not take over the first maria's account.
        TestUsers.login(new Credentials(dump.username("maria"), "maria-THROWAWAY-edge-pw"));
    }

    static final String INVALID_ROLE =
            "Enter a valid role: 1 to 64 letters, digits and _ . : - characters (\"authenticated\" is reserved).";

    static String escaped(String text) {
        return text.replace("\"", "\\\"");
    }

    static long groupPk(DjangoDumps.Copy dump, String name) {
        return Json.createReader(new java.io.StringReader(dump.json())).readArray().stream()
                .map(JsonValue::asJsonObject)
                .filter(record -> record.getString("model").equals("auth.group")
                        && record.getJsonObject("fields").getString("name").equals(name))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("pk")
                .longValue();
    }

    /** The answer starts with the detail given (a parser's column is the parser's business). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not JSON                 | users: yes                | The file is not valid JSON (line 1, column 1).",
                "an object                | {}                        | The file must be a JSON list of records, as manage.py dumpdata writes it.",
                "a list of numbers        | [1]                       | Record 1 is not a JSON object.",
                "a record without fields  | [{\"model\": \"auth.user\"}] | Record 1 has no \"model\" and \"fields\".",
                "an unknown model         | [{\"model\": \"auth.permission\", \"pk\": 1, \"fields\": {}}] | Record 1: model \"auth.permission\" is not imported; dump auth.user auth.group authtoken.token.",
                "a flag that is a string  | [{\"model\": \"auth.user\", \"pk\": 1, \"fields\": {\"username\": \"x\", \"password\": \"!\", \"is_active\": \"yes\"}}] | Record 1 has a \"is_active\" that is not true or false.",
                "a truncated file         | [{\"model\": \"auth.group\", \"pk\": 1, \"fields\": {\"name\": \"x\"}} | The file is not valid JSON (line 1, column ",
            })
    void badFilesAre400WithAClearMessage(String what, String body, String detail) {
        HttpResponse<String> response = importDump(body, "");
        assertEquals(400, response.statusCode(), response.body());
        String answer = Http.json(response).getString("detail");
        assertTrue(answer.startsWith(detail), answer);
    }

    @Test
    void aBadRecordAfterGoodOnesWritesNothing() {
        String username = TestUsers.uniqueName("django");
        String body = "[{\"model\": \"auth.user\", \"fields\": {\"username\": \"" + username
                + "\", \"password\": \"!x\", \"is_active\": true}},"
                + " {\"model\": \"contenttypes.contenttype\", \"pk\": 1, \"fields\": {}}]";
        assertEquals(400, importDump(body, "").statusCode());
        assertEquals(
                404,
                Http.get("/api/users/" + username + "/", "Authorization", TestUsers.ADMIN.basic())
                        .statusCode());
    }

    @Test
    void onlyAdministratorsImport() {
        Credentials user = TestUsers.create();
        assertEquals(
                403,
                Http.send("POST", "/api/users/import", "application/json", "[]", "Authorization", user.basic())
                        .statusCode());
        assertEquals(
                401,
                Http.send("POST", "/api/users/import", "application/json", "[]").statusCode());
    }

    @Test
    void anInvalidDryRunFlagIsAFieldError() {
        HttpResponse<String> response = importDump("[]", "?dry_run=maybe");
        assertEquals(400, response.statusCode());
        assertEquals(
                "[\"Must be a valid boolean.\"]",
                Http.json(response).getJsonArray("dry_run").toString());
    }
}
