package dev.restauth.authentication.boundary;

import static dev.restauth.testsupport.Http.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.TestUsers;
import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Per-resource schemes (@AuthenticatedBy, DRF's authentication_classes) on the example resources:
 * {@code api/ci/} takes only Token, its {@code basic-or-token/} Basic then Token, and the public
 * {@code api/greeting/} greets Token callers by name. Credentials of any other scheme are none.
 */
class ResourceSchemesIT {

    static final String NOT_PROVIDED = "Authentication credentials were not provided.";

    /** One user's credentials in every scheme, and a wrong one of each. */
    record Caller(String name, String token, String bearer, String basic) {}

    static Caller user;
    static Caller admin;

    @BeforeAll
    static void credentials() {
        user = caller(TestUsers.create());
        admin = caller(TestUsers.create("admin"));
    }

    static Caller caller(TestUsers.Credentials credentials) {
        var key = Http.send(
                "POST",
                "/api/auth-token/",
                "application/json",
                Json.createObjectBuilder()
                        .add("username", credentials.username())
                        .add("password", credentials.password())
                        .build()
                        .toString());
        return new Caller(
                credentials.username(),
                "Token " + Http.json(key).getString("token"),
                "Bearer " + TestUsers.login(credentials).access(),
                credentials.basic());
    }

    /** Where this class's requests come from, once the test server trusts one proxy. */
    static final String CLIENT = "198.51.100.24";

    static HttpResponse<String> get(String path, String authorization) {
        return authorization == null
                ? Http.get(path, "X-Forwarded-For", CLIENT)
                : Http.get(path, "Authorization", authorization, "X-Forwarded-For", CLIENT);
    }

    static final Function<Caller, String> TOKEN = Caller::token;
    static final Function<Caller, String> BEARER = Caller::bearer;
    static final Function<Caller, String> BASIC = Caller::basic;
    static final Function<Caller, String> NONE = caller -> null;
    static final Function<Caller, String> BAD_BEARER = caller -> "Bearer not-a-token";
    static final Function<Caller, String> BAD_BASIC = caller -> "Basic bm9ib2R5Ondyb25n"; // nobody:wrong
    static final Function<Caller, String> BAD_TOKEN = caller -> "Token " + "0".repeat(40);

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("api/ci/", "Token", TOKEN),
                Arguments.of("api/ci/basic-or-token/", "Basic", BASIC),
                Arguments.of("api/ci/basic-or-token/", "Token", TOKEN));
    }

    @ParameterizedTest(name = "{0} accepts {1}")
    @MethodSource("accepted")
    void aListedSchemeAuthenticates(String path, String scheme, Function<Caller, String> credentials) {
        var response = get("/" + path, credentials.apply(user));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("Hello, " + user.name() + "!", Http.json(response).getString("message"));
    }

    static Stream<Arguments> noneHere() {
        return Stream.of(
                Arguments.of("api/ci/", "no credentials", NONE, "Token"),
                Arguments.of("api/ci/", "a good Bearer token", BEARER, "Token"),
                Arguments.of("api/ci/", "a good password", BASIC, "Token"),
                Arguments.of("api/ci/", "a bad Bearer token", BAD_BEARER, "Token"),
                Arguments.of("api/ci/", "a bad password", BAD_BASIC, "Token"),
                Arguments.of("api/ci/basic-or-token/", "no credentials", NONE, "Basic realm=\"api\""),
                Arguments.of("api/ci/basic-or-token/", "a good Bearer token", BEARER, "Basic realm=\"api\""),
                Arguments.of("api/ci/basic-or-token/", "a bad Bearer token", BAD_BEARER, "Basic realm=\"api\""));
    }

    @ParameterizedTest(name = "{0} with {1}: not provided, challenge {3}")
    @MethodSource("noneHere")
    void anotherSchemeIsNoCredentialsOnAProtectedResource(
            String path, String given, Function<Caller, String> credentials, String challenge) {
        var response = get("/" + path, credentials.apply(user));
        assertJsonError(response, 401, NOT_PROVIDED);
        assertEquals(
                challenge, response.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    @ParameterizedTest(name = "{0}: a bad key gets its own 401")
    @MethodSource("badListedKey")
    void aListedSchemesFailureIsItsOwn401(String path) {
        var response = get("/" + path, BAD_TOKEN.apply(user));
        assertJsonError(response, 401, "Invalid token.");
        assertEquals("Token", response.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    static Stream<String> badListedKey() {
        return Stream.of("api/ci/", "api/ci/basic-or-token/", "api/greeting/");
    }

    @Test
    void theRolesStillApply() {
        assertJsonError(get("/api/ci/admin/", user.token()), 403, "You do not have permission to perform this action.");
        assertEquals(200, get("/api/ci/admin/", admin.token()).statusCode());
        assertJsonError(get("/api/ci/admin/", admin.bearer()), 401, NOT_PROVIDED);
    }

    static Stream<Arguments> anonymousHere() {
        return Stream.of(
                Arguments.of("no credentials", NONE),
                Arguments.of("a good Bearer token", BEARER),
                Arguments.of("a good password", BASIC),
                Arguments.of("a bad Bearer token", BAD_BEARER),
                Arguments.of("a bad password", BAD_BASIC));
    }

    @ParameterizedTest(name = "api/greeting/ with {0}: anonymous")
    @MethodSource("anonymousHere")
    void anotherSchemeOnAPublicResourceIsServedAnonymously(String given, Function<Caller, String> credentials) {
        var response = get("/api/greeting/", credentials.apply(user));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("Hello, anonymous!", Http.json(response).getString("message"));
    }

    @Test
    void aPublicResourceGreetsItsOwnSchemesCaller() {
        var response = get("/api/greeting/", user.token());
        assertEquals("Hello, " + user.name() + "!", Http.json(response).getString("message"));
    }

    @Test
    void resourcesWithoutTheAnnotationKeepTheGlobalSchemes() {
        assertEquals(200, get("/api/hello/", user.bearer()).statusCode());
        assertEquals(200, get("/api/hello/", user.token()).statusCode());
        assertEquals(200, get("/api/hello/", user.basic()).statusCode());
        var none = get("/api/hello/", null);
        assertEquals(
                "Bearer realm=\"api\"",
                none.headers().firstValue("WWW-Authenticate").orElse(null));
    }
}
