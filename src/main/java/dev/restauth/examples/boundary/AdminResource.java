package dev.restauth.examples.boundary;

import dev.restauth.examples.entity.Message;
import dev.restauth.users.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Only callers with the admin role; anyone else authenticated gets 403. */
@Path("api/admin/")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Examples")
@SecurityRequirement(name = "bearerAuth")
@SecurityRequirement(name = "tokenAuth")
@SecurityRequirement(name = "basicAuth")
public class AdminResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Admins only")
    @APIResponse(
            responseCode = "200",
            description = "{\"message\": \"admin\"}",
            content = @Content(schema = @Schema(implementation = Message.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Message get() {
        return new Message("admin");
    }
}
