package dev.restauth.authentication.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The route index: JAX-RS templates as patterns, and each path's least strict rule. */
class RoutesTest {

    @Path("api/users/")
    @RolesAllowed("admin")
    static class UsersResource {
        @POST
        @Consumes("application/json")
        public void create() {}

        @GET
        @Path("me/")
        @RolesAllowed("authenticated")
        public void me() {}

        @GET
        @Path("{username}/")
        public void get() {}

        @PATCH
        @Path("{username}/")
        public void change() {}

        @DELETE
        @Path("{id: [0-9]+}/tokens/")
        @DenyAll
        public void nobody() {}
    }

    @Path("/api/public")
    static class PublicResource {
        @GET
        @PermitAll
        public void get() {}
    }

    Routes cut;

    @BeforeEach
    void index() {
        cut = new Routes();
        for (Class<?> resource : new Class<?>[] {UsersResource.class, PublicResource.class}) {
            for (var method : resource.getDeclaredMethods()) {
                if (!method.isSynthetic()) {
                    cut.add(resource, method, ResourceRules.Rules.DEFAULT);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "/api/users/, 'POST', admin",
        "api/users, 'POST', admin",
        "/api/users/alice/, 'GET PATCH', admin",
        "/api/users/me/, 'GET PATCH', 'authenticated admin'",
        "/api/users/42/tokens/, DELETE, ''",
        "/api/public/, GET, ANYONE"
    })
    void aPathHasTheMethodsAndTheLeastStrictRuleOfEveryTemplateItMatches(String path, String methods, String roles) {
        PathRule rule = cut.at(path).orElseThrow();
        assertEquals(Set.of(methods.split(" ")), rule.methods());
        if (roles.equals("ANYONE")) {
            assertTrue(rule.access().anyone());
        } else {
            assertFalse(rule.access().anyone());
            assertEquals(
                    roles.isEmpty() ? Set.of() : Set.of(roles.split(" ")),
                    rule.access().roles());
        }
    }

    @Test
    void unknownPathsAndSegmentsBeyondATemplateHaveNoRule() {
        assertTrue(cut.at("/api/nothing/").isEmpty());
        assertTrue(cut.at("/api/users/alice/bob/").isEmpty());
        assertTrue(cut.at("/api/users/x/tokens/").isEmpty(), "{id: [0-9]+}");
    }

    @Test
    void allowListsTheMethodsInDrfsOrderWithHeadForGet() {
        assertEquals(
                "GET, PATCH, HEAD, OPTIONS",
                cut.at("/api/users/alice/").orElseThrow().allow());
        assertEquals("POST, OPTIONS", cut.at("/api/users/").orElseThrow().allow());
        assertTrue(cut.at("/api/public/").orElseThrow().declares("HEAD"));
        assertFalse(cut.at("/api/users/").orElseThrow().declares("HEAD"));
        assertEquals("Public", cut.at("/api/public/").orElseThrow().name());
        assertEquals("User Tokens", Routes.viewName(UserTokensResource.class));
    }

    static class UserTokensResource {}
}
