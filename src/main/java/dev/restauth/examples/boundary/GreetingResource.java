package dev.restauth.examples.boundary;

import dev.restauth.authentication.boundary.AuthenticatedBy;
import dev.restauth.examples.entity.Message;
import jakarta.annotation.security.PermitAll;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Open to anyone, and greets a caller with an API token by name: a public resource narrowed to
 * {@code Token}. Credentials of another scheme, good or bad, are ignored here: the caller is
 * anonymous.
 */
@Path("api/greeting/")
@PermitAll
@AuthenticatedBy("Token")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Examples")
public class GreetingResource {

    // No security requirement: OpenAPI's optional one ({} among the alternatives) would be right,
    // but Liberty's document validator logs an error for it at every start.
    @GET
    @Operation(
            summary = "Anyone; callers with an API token are greeted by name",
            description = "Public. `Authorization: Token <key>` is optional: only `Token` counts here, other"
                    + " credentials, good or bad, leave the caller anonymous.")
    @APIResponse(
            responseCode = "200",
            description = "A greeting",
            content = @Content(schema = @Schema(implementation = Message.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Message get(@Context SecurityContext caller) {
        String name = caller.getUserPrincipal() == null
                ? "anonymous"
                : caller.getUserPrincipal().getName();
        return new Message("Hello, " + name + "!");
    }
}
