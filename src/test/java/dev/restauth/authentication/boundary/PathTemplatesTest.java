package dev.restauth.authentication.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JAX-RS templates read as JAX-RS matches them: variables, regex variables, literal dots. */
class PathTemplatesTest {

    @Path("/api/users/")
    static class UsersResource {
        @GET
        @Path("/{username}/tokens/")
        public void tokens() {}

        @GET
        public void list() {}
    }

    @Test
    void aMethodsTemplateIsItsClassPathThenItsOwnWithoutSlashes() throws Exception {
        assertEquals(
                "api/users/{username}/tokens",
                PathTemplates.template(UsersResource.class, UsersResource.class.getMethod("tokens")));
        assertEquals("api/users", PathTemplates.template(UsersResource.class, UsersResource.class.getMethod("list")));
    }

    @ParameterizedTest
    @CsvSource({
        "api/users/{username}, api/users/alice, true",
        "api/users/{username}, api/users/alice/bob, false",
        "api/users/{username}, api/users/, false",
        "'api/keys/{id: [0-9]+}', api/keys/42, true",
        "'api/keys/{id: [0-9]+}', api/keys/x, false",
        "'api/{a: x{2}}/b', api/xx/b, true",
        "'api/{a: x{2}}/b', api/x/b, false",
        "api/v1.0/token, api/v1.0/token, true",
        "api/v1.0/token, api/v1x0/token, false",
        "'', '', true"
    })
    void aTemplateMatchesThePathsJaxRsRoutesToIt(String template, String path, boolean matches) {
        assertEquals(matches, PathTemplates.regex(template).matcher(path).matches());
    }

    @ParameterizedTest
    @CsvSource({"/api/users/, api/users", "api/users, api/users", "///, ''", "'', ''", "/a//b/, a//b"})
    void slashesAreTrimmedAtBothEndsOnly(String path, String trimmed) {
        assertEquals(trimmed, PathTemplates.trimSlashes(path));
    }
}
