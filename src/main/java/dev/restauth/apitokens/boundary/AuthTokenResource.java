package dev.restauth.apitokens.boundary;

import dev.restauth.apitokens.control.ApiTokens;
import dev.restauth.apitokens.control.TokenScheme;
import dev.restauth.apitokens.entity.AuthToken;
import dev.restauth.apitokens.entity.TokenLogin;
import dev.restauth.authentication.boundary.IgnoresCredentials;
import dev.restauth.platform.boundary.NoStore;
import dev.restauth.platform.control.ClientAddress;
import dev.restauth.users.control.Users;
import dev.restauth.users.entity.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.concurrent.CompletionStage;

/**
 * DRF's {@code obtain_auth_token} (one deliberate difference: keys are stored hashed, so every
 * login issues a new key instead of returning the same one), and knox's logout of the token used.
 */
@Path("api/auth-token/")
@Produces(MediaType.APPLICATION_JSON)
public class AuthTokenResource {

    @Inject
    ApiTokens tokens;

    @Inject
    Users users;

    @Inject
    ClientAddress clients;

    @POST
    @PermitAll
    @IgnoresCredentials
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    public CompletionStage<Response> obtain(TokenLogin login) {
        return tokens.obtain(login, clients.origin())
                .thenApply(issued -> NoStore.ok(new AuthToken(issued.token())).build());
    }

    /** Revokes the token this request was authenticated with. */
    @DELETE
    @RolesAllowed(Roles.AUTHENTICATED)
    public Response revoke(@Context HttpServletRequest request, @Context SecurityContext caller) {
        if (!(request.getAttribute(TokenScheme.TOKEN_ID) instanceof Long tokenId)) {
            throw new BadRequestException("Authenticate with the token to revoke it.");
        }
        tokens.revoke(users.find(caller.getUserPrincipal().getName()), tokenId);
        return Response.noContent().build();
    }
}
