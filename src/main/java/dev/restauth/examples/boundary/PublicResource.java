package dev.restauth.examples.boundary;

import dev.restauth.examples.entity.Message;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Open to anyone, as DRF's AllowAny; the unauthenticated baseline of every test and benchmark. */
@Path("api/public/")
@PermitAll
@Tag(name = "Examples")
public class PublicResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Anyone (DRF's AllowAny)",
            description = "Credentials are optional, but wrong ones still get 401, as in DRF.")
    @APIResponse(
            responseCode = "200",
            description = "{\"message\": \"public\"}",
            content = @Content(schema = @Schema(implementation = Message.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public Message get() {
        return new Message("public");
    }
}
