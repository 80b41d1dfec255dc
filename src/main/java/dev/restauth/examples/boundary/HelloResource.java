package dev.restauth.examples.boundary;

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

/** Any authenticated caller, as DRF's IsAuthenticated. */
@Path("api/hello/")
@RolesAllowed(Roles.AUTHENTICATED)
@Tag(name = "Examples")
@SecurityRequirement(name = "bearerAuth")
@SecurityRequirement(name = "tokenAuth")
@SecurityRequirement(name = "basicAuth")
public class HelloResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Any authenticated caller (DRF's IsAuthenticated)")
    @APIResponse(
            responseCode = "200",
            description = "A greeting by name",
            content = @Content(schema = @Schema(implementation = Message.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Message get(@Context SecurityContext caller) {
        return new Message("Hello, " + caller.getUserPrincipal().getName() + "!");
    }
}
