package dev.restauth.examples.boundary;

import dev.restauth.authentication.boundary.AuthenticatedBy;
import dev.restauth.examples.entity.Message;
import dev.restauth.users.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An endpoint for CI jobs, which hold an API token and nothing else, as a DRF view with {@code
 * authentication_classes = [TokenAuthentication]}: a Bearer token or a password counts as no
 * credentials here, and a caller without credentials is challenged with {@code Token}.
 */
@Path("api/ci/")
@AuthenticatedBy("Token")
@RolesAllowed(Roles.AUTHENTICATED)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Examples")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class CiResource {

    @GET
    @Operation(summary = "API tokens only (DRF's authentication_classes = [TokenAuthentication])")
    @SecurityRequirement(name = "tokenAuth")
    @APIResponse(
            responseCode = "200",
            description = "A greeting by name",
            content = @Content(schema = @Schema(implementation = Message.class)))
    public Message get(@Context SecurityContext caller) {
        return new Message("Hello, " + caller.getUserPrincipal().getName() + "!");
    }

    /** Narrowed schemes still need the role. */
    @GET
    @Path("admin/")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "API tokens of admins only")
    @SecurityRequirement(name = "tokenAuth")
    @APIResponse(
            responseCode = "200",
            description = "{\"message\": \"admin\"}",
            content = @Content(schema = @Schema(implementation = Message.class)))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Message admin() {
        return new Message("admin");
    }

    /** A method's annotation replaces its class's: Basic first (so its challenge), Token too. */
    @GET
    @Path("basic-or-token/")
    @AuthenticatedBy({"Basic", "Token"})
    @Operation(summary = "Basic or an API token, Basic first")
    @SecurityRequirement(name = "basicAuth")
    @SecurityRequirement(name = "tokenAuth")
    @APIResponse(
            responseCode = "200",
            description = "A greeting by name",
            content = @Content(schema = @Schema(implementation = Message.class)))
    @APIResponse(responseCode = "429", ref = "Throttled")
    public Message basicOrToken(@Context SecurityContext caller) {
        return new Message("Hello, " + caller.getUserPrincipal().getName() + "!");
    }
}
