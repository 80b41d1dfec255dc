package dev.restauth.users.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.TestUsers;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code GET /api/users/?limit=&offset=}: DRF's LimitOffsetPagination, answered as DRF 3.14 answers
 * it (count, absolute next/previous links with sorted parameters, no offset on the first page), over
 * five users of this run's own, so that counts and pages are known whatever else exists.
 */
class UserPagesIT {

    static final String TAG = "page" + UUID.randomUUID().toString().substring(0, 8);
    static final String USERS = Http.BASE + "/api/users/";

    @BeforeAll
    static void users() {
        for (String name : List.of("a", "b", "c", "d", "e")) {
            String body = "{\"username\":\"" + TAG + "-" + name + "\",\"password\":\"a-long-password\"}";
            HttpResponse<String> created = Http.send(
                    "POST", "/api/users/", "application/json", body, "Authorization", TestUsers.ADMIN.basic());
            assertEquals(201, created.statusCode(), created.body());
        }
    }

    /** The query (TAG: this run's tag) → the page's usernames (suffixes), next and previous. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "limit=2&search=TAG           | a b | limit=2&offset=2&search=TAG | null",
                "search=TAG&limit=2&offset=2  | c d | limit=2&offset=4&search=TAG | limit=2&search=TAG",
                "limit=2&offset=4&search=TAG  | e   | null                        | limit=2&offset=2&search=TAG",
                "limit=2&offset=3&search=TAG  | d e | null                        | limit=2&offset=1&search=TAG",
                "limit=2&offset=9&search=TAG  | ''  | null                        | limit=2&offset=7&search=TAG",
                "limit=2&offset=x&search=TAG  | a b | limit=2&offset=2&search=TAG | null",
                "limit=2&offset=-1&search=TAG | a b | limit=2&offset=2&search=TAG | null",
                "limit=+9&search=TAG          | a b c d e | null                  | null",
            })
    void aLimitAsksForAPage(String query, String names, String next, String previous) {
        JsonObject page = Http.json(list(query.replace("TAG", TAG)));
        assertEquals(5, page.getJsonNumber("count").longValue(), page.toString());
        List<String> found = page.getJsonArray("results").stream()
                .map(JsonValue::asJsonObject)
                .map(user -> ((JsonString) user.get("username")).getString())
                .toList();
        List<String> wanted = names.isEmpty()
                ? List.of()
                : List.of(names.split(" ")).stream()
                        .map(name -> TAG + "-" + name)
                        .toList();
        assertEquals(wanted, found);
        assertEquals(link(next), page.isNull("next") ? null : page.getString("next"));
        assertEquals(link(previous), page.isNull("previous") ? null : page.getString("previous"));
        assertEquals(List.of("count", "next", "previous", "results"), List.copyOf(page.keySet()));
    }

    /** DRF without a PAGE_SIZE: a limit that is not a positive integer means no page at all. */
    @ParameterizedTest(name = "limit={0}")
    @CsvSource({"0", "-3", "ten", "1.5", "''"})
    void aLimitThatIsNoPositiveNumberListsEveryMatch(String limit) {
        HttpResponse<String> answer = list("search=" + TAG + "&limit=" + limit);
        assertEquals(5, Http.jsonArray(answer).size(), answer.body());
    }

    @Test
    void pagesAreForAdminsOnly() {
        HttpResponse<String> answer = Http.get(
                "/api/users/?limit=1", "Authorization", TestUsers.create().basic());
        Http.assertJsonError(answer, 403, "You do not have permission to perform this action.");
    }

    @Test
    void withoutSearchThePageCountsEveryUser() {
        int everyone = Http.jsonArray(list("")).size();
        JsonObject page = Http.json(list("limit=1"));
        assertEquals(everyone, page.getJsonNumber("count").intValue());
        assertEquals(1, page.getJsonArray("results").size());
        assertTrue(page.getString("next").endsWith("/api/users/?limit=1&offset=1"), page.toString());
    }

    private static HttpResponse<String> list(String query) {
        return Http.get("/api/users/?" + query, "Authorization", TestUsers.ADMIN.basic());
    }

    private static String link(String query) {
        return query == null ? null : USERS + "?" + query.replace("TAG", TAG);
    }
}
