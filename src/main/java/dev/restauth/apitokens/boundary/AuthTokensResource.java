package dev.restauth.apitokens.boundary;

import dev.restauth.apitokens.control.ApiTokens;
import dev.restauth.apitokens.entity.NewToken;
import dev.restauth.apitokens.entity.TokenView;
import dev.restauth.platform.boundary.NoStore;
import dev.restauth.users.control.Users;
import dev.restauth.users.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** The caller's own API tokens: personal access tokens, named and optionally expiring. */
@Path("api/auth-tokens/")
@RolesAllowed(Roles.AUTHENTICATED)
@Produces(MediaType.APPLICATION_JSON)
public class AuthTokensResource {

    @Inject
    Users users;

    @Inject
    ApiTokens tokens;

    @GET
    public List<TokenView> list(@Context SecurityContext caller) {
        return tokens.of(users.find(name(caller))).stream().map(TokenView::of).toList();
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    public Response create(NewToken request, @Context SecurityContext caller) {
        return NoStore.created(tokens.issue(users.find(name(caller)), request)).build();
    }

    @DELETE
    @Path("{id}/")
    public Response revoke(@PathParam("id") long id, @Context SecurityContext caller) {
        if (!tokens.revoke(users.find(name(caller)), id)) {
            throw new NotFoundException();
        }
        return Response.noContent().build();
    }

    private static String name(SecurityContext caller) {
        return caller.getUserPrincipal().getName();
    }
}
