package dev.restauth.apitokens.boundary;

import dev.restauth.apitokens.control.ApiTokens;
import dev.restauth.apitokens.entity.ImportedKey;
import dev.restauth.apitokens.entity.TokenView;
import dev.restauth.authentication.entity.Roles;
import dev.restauth.users.entity.User;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An admin's view of one user's API tokens, reached from {@code /api/users/{username}/} (a
 * sub-resource, because a second root resource under /api/users/ would hide the users API).
 */
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class UserTokensResource {

    private final ApiTokens tokens;
    private final User user;

    public UserTokensResource(ApiTokens tokens, User user) {
        this.tokens = tokens;
        this.user = user;
    }

    @GET
    @Path("auth-tokens/")
    public List<TokenView> list() {
        return tokens.of(user).stream().map(TokenView::of).toList();
    }

    @DELETE
    @Path("auth-tokens/{id}/")
    public Response revoke(@PathParam("id") long id) {
        if (!tokens.revoke(user, id)) {
            throw new NotFoundException();
        }
        return Response.noContent().build();
    }

    /** What {@code drf_create_token [-r]} does: a new key; with reset, the user's others are revoked. */
    @POST
    @Path("auth-token/")
    public Response create(@QueryParam("reset") boolean reset) {
        if (reset) {
            tokens.revokeAll(user.id());
        }
        return AuthTokensResource.created(tokens.issue(user, "drf_create_token", null));
    }

    /** Keeps an existing DRF key working after a migration (stored hashed). */
    @POST
    @Path("auth-token/import")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response importKey(ImportedKey key) {
        ImportedKey given = key == null ? new ImportedKey(null, null) : key;
        return Response.status(Response.Status.CREATED)
                .entity(tokens.importKey(user, given.key(), given.name()))
                .build();
    }
}
