package dev.restauth.apitokens.boundary;

import dev.restauth.apitokens.control.ApiTokens;
import dev.restauth.apitokens.entity.ImportedKey;
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

/** An admin's {@code drf_create_token}, and the import of a user's existing DRF key. */
@Path("api/users/{username}/auth-token/")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
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
    public Response create(@PathParam("username") String username, @QueryParam("reset") List<String> reset) {
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
    public Response importKey(@PathParam("username") String username, ImportedKey key) {
        return Response.status(Response.Status.CREATED)
                .entity(tokens.importKey(users.find(username), key))
                .build();
    }
}
