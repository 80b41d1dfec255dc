package dev.restauth.users.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.TestUsers;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code GET /api/users/?search=}: DRF's SearchFilter over username and roles. Each run makes its
 * own three users under a unique tag, so that the expected matches are known whatever else exists.
 */
class UserSearchIT {

    static final String TAG = "srch" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void users() {
        create(TAG + "-Alice", "staff", TAG + "-editor");
        create(TAG + "-bob", "staff");
        create(TAG + "-carol_x", "auditor");
    }

    /** The search, with TAG standing for this run's tag → the matching usernames' suffixes, in order. */
    @ParameterizedTest(name = "search={0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "TAG                 | -Alice -bob -carol_x",
                "TAG-alice           | -Alice",
                "TAG-ALICE           | -Alice",
                "TAG staff           | -Alice -bob",
                "TAG,staff           | -Alice -bob",
                "TAG-editor          | -Alice",
                "TAG bob staff       | -bob",
                "TAG bob auditor     | ''",
                "TAG-carol_          | -carol_x",
                "TAG-carol%          | ''",
                "TAG _x              | -carol_x",
            })
    void everyTermMustBeInTheUsernameOrARole(String search, String expected) {
        HttpResponse<String> response = search(search.replace("TAG", TAG));
        assertEquals(200, response.statusCode(), response.body());
        List<String> found = Http.jsonArray(response).stream()
                .map(JsonValue::asJsonObject)
                .map(user -> ((JsonString) user.get("username")).getString())
                .toList();
        List<String> wanted = expected.isEmpty()
                ? List.of()
                : List.of(expected.split(" ")).stream()
                        .map(suffix -> TAG + suffix)
                        .toList();
        assertEquals(wanted, found);
    }

    @Test
    void anEmptySearchListsEveryone() {
        int all = Http.jsonArray(Http.get("/api/users/", "Authorization", TestUsers.ADMIN.basic()))
                .size();
        assertEquals(all, Http.jsonArray(search(" , ")).size());
    }

    @Test
    void tooManyTermsAreAFieldError() {
        HttpResponse<String> response = search("a b c d e f g h i j k");
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("{\"search\":[\"Ensure this field has no more than 10 terms.\"]}", response.body());
    }

    @Test
    void onlyAdminsSearch() {
        HttpResponse<String> response = Http.get(
                "/api/users/?search=" + TAG, "Authorization", TestUsers.create().basic());
        Http.assertJsonError(response, 403, "You do not have permission to perform this action.");
    }

    private static HttpResponse<String> search(String search) {
        return Http.get(
                "/api/users/?search=" + URLEncoder.encode(search, StandardCharsets.UTF_8),
                "Authorization",
                TestUsers.ADMIN.basic());
    }

    private static void create(String username, String... roles) {
        String body = "{\"username\":\"" + username + "\",\"password\":\"a-long-password\",\"roles\":[\""
                + String.join("\",\"", roles) + "\"]}";
        HttpResponse<String> created =
                Http.send("POST", "/api/users/", "application/json", body, "Authorization", TestUsers.ADMIN.basic());
        assertEquals(201, created.statusCode(), created.body());
    }
}
