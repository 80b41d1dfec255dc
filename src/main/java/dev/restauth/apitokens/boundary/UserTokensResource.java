package dev.restauth.apitokens.boundary;

import dev.restauth.apitokens.control.ApiTokens;
import dev.restauth.apitokens.entity.TokenView;
import dev.restauth.users.control.Users;
import dev.restauth.users.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An admin's view of one user's API tokens. Its path is longer than the users resource's, so
 * JAX-RS matching picks it for these URLs and the users resource for every other one below
 * {@code api/users/}.
 */
@Path("api/users/{username}/auth-tokens/")
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
public class UserTokensResource {

    @Inject
    Users users;

    @Inject
    ApiTokens tokens;

    @GET
    @Operation(summary = "A user's live API tokens")
    @APIResponse(
            responseCode = "200",
            description = "The tokens, never their keys",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = TokenView.class)))
    public List<TokenView> list(@PathParam("username") String username) {
        return tokens.of(users.find(username)).stream().map(TokenView::of).toList();
    }

    @DELETE
    @Path("{id}/")
    @Operation(summary = "Revoke one of a user's API tokens")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@PathParam("username") String username, @PathParam("id") long id) {
        if (!tokens.revoke(users.find(username), id)) {
            throw new NotFoundException();
        }
        return Response.noContent().build();
    }
}
