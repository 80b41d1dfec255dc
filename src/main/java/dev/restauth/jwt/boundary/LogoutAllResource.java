package dev.restauth.jwt.boundary;

import dev.restauth.platform.boundary.NoStore;
import dev.restauth.users.control.Users;
import dev.restauth.users.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/token/logout-all/}: every session of the caller ends (what SimpleJWT lacks).
 * Unlike the other token endpoints it needs an authenticated caller, by any scheme.
 */
@Path("api/token/logout-all/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "JWT")
public class LogoutAllResource {

    @Inject
    Users users;

    @POST
    @RolesAllowed(Roles.AUTHENTICATED)
    @Operation(
            summary = "End every session of the caller",
            description = "Every refresh family, every access token issued so far, and the caller's API tokens.")
    @SecurityRequirement(name = "bearerAuth")
    @SecurityRequirement(name = "tokenAuth")
    @SecurityRequirement(name = "basicAuth")
    @APIResponse(
            responseCode = "200",
            description = "Done: an empty object",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT), example = "{}"))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "429", ref = "Throttled")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response logoutAll(@Context SecurityContext caller) {
        users.logoutAll(caller.getUserPrincipal().getName());
        return NoStore.ok(Map.of()).build();
    }
}
