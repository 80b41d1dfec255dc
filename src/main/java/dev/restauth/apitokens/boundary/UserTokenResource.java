package dev.restauth.apitokens.boundary;

import dev.restauth.apitokens.control.ApiTokens;
import dev.restauth.apitokens.entity.ImportedKey;
import dev.restauth.apitokens.entity.IssuedToken;
import dev.restauth.apitokens.entity.NewToken;
import dev.restauth.platform.boundary.NoStore;
import dev.restauth.platform.control.DrfFields;
import dev.restauth.users.control.Users;
import dev.restauth.users.entity.Roles;
import dev.restauth.users.entity.User;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An admin's {@code drf_create_token}, and the import of a user's existing DRF key. */
@Path("api/users/{username}/auth-token/")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API tokens")
@SecurityRequirement(name = "bearerAuth")
@SecurityRequirement(name = "tokenAuth")
@SecurityRequirement(name = "basicAuth")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class UserTokenResource {

    @Inject
    Users users;

    @Inject
    ApiTokens tokens;

    /**
     * What {@code drf_create_token [-r]} does: a new key; with reset, the user's others are revoked.
     * {@code reset} is a DRF boolean (the last value, as DRF reads a query string): an admin
     * revoking a leaked key gets exactly that or a 400, never a new key beside the leaked one.
     */
    @POST
    @Operation(summary = "A new API token for a user (drf_create_token)")
    @APIResponse(
            responseCode = "201",
            description = "The token with its key, shown only this once",
            content = @Content(schema = @Schema(implementation = IssuedToken.class)))
    public Response create(
            @PathParam("username") String username,
            @Parameter(description = "Revoke the user's other tokens first (drf_create_token -r); a DRF boolean")
                    @QueryParam("reset")
                    List<String> reset) {
        boolean revokeOthers = DrfFields.bool("reset", reset.isEmpty() ? null : reset.get(reset.size() - 1));
        User user = users.find(username);
        if (revokeOthers) {
            tokens.revokeAll(user.id());
        }
        return NoStore.created(tokens.issue(user, new NewToken("drf_create_token", null)))
                .build();
    }

    /** Keeps an existing DRF key working after a migration (stored hashed). */
    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Keep a user's existing DRF key working",
            description = "For a migration from DRF: the key is stored hashed, like ours; the answer never repeats it.")
    @APIResponse(
            responseCode = "201",
            description = "Imported",
            content = @Content(schema = @Schema(implementation = IssuedToken.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response importKey(@PathParam("username") String username, ImportedKey key) {
        return Response.status(Response.Status.CREATED)
                .entity(tokens.importKey(users.find(username), key))
                .build();
    }
}
