package dev.restauth.jwt.boundary;

import dev.restauth.authentication.boundary.IgnoresCredentials;
import dev.restauth.jwt.control.Tokens;
import dev.restauth.jwt.entity.RefreshRequest;
import dev.restauth.platform.boundary.NoStore;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * SimpleJWT's logout endpoint, beside {@link TokenResource}: a resource of its own because its
 * OpenAPI description alone is as long as a class should be. It ignores the Authorization
 * header, as SimpleJWT's view does.
 */
@Path("api/token/blacklist/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "JWT")
public class TokenBlacklistResource {

    @Inject
    Tokens tokens;

    @POST
    @PermitAll
    @IgnoresCredentials
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @Operation(
            summary = "Log out: the refresh token and its family end",
            description = "SimpleJWT's TokenBlacklistView.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RefreshRequest.class),
                            examples = @ExampleObject(name = "logout", value = TokenResource.REFRESH_EXAMPLE)))
    @APIResponse(
            responseCode = "200",
            description = "Done: an empty object",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT), example = "{}"))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(
            responseCode = "401",
            description = "Invalid, expired or already blacklisted",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response blacklist(RefreshRequest request) {
        tokens.blacklist(request);
        return NoStore.ok(Map.of()).build();
    }
}
