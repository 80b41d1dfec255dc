package dev.restauth.jwt.boundary;

import dev.restauth.authentication.boundary.IgnoresCredentials;
import dev.restauth.jwt.control.TokenChecks;
import dev.restauth.jwt.control.Tokens;
import dev.restauth.jwt.entity.AccessToken;
import dev.restauth.jwt.entity.Credentials;
import dev.restauth.jwt.entity.RefreshRequest;
import dev.restauth.jwt.entity.TokenPair;
import dev.restauth.jwt.entity.VerifyRequest;
import dev.restauth.platform.boundary.NoStore;
import dev.restauth.platform.control.ClientAddress;
import dev.restauth.users.control.Users;
import dev.restauth.users.entity.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * SimpleJWT's endpoints, JSON or form-encoded as DRF parses them. The login-like ones ignore the
 * Authorization header, as SimpleJWT's views do; logout-all needs an authenticated caller.
 */
@Path("api/token/")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    @Inject
    Tokens tokens;

    @Inject
    TokenChecks checks;

    @Inject
    Users users;

    @Inject
    ClientAddress clients;

    @POST
    @PermitAll
    @IgnoresCredentials
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    public CompletionStage<Response> obtain(Credentials credentials) {
        return tokens.obtain(credentials, clients.origin())
                .thenApply(pair -> NoStore.ok(pair).build());
    }

    /** The rotated pair, or only the access token when rotation is off (SimpleJWT's shapes). */
    @POST
    @Path("refresh/")
    @PermitAll
    @IgnoresCredentials
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    public Response refresh(RefreshRequest request) {
        TokenPair pair = tokens.refresh(request);
        return NoStore.ok(pair.refresh() == null ? new AccessToken(pair.access()) : pair)
                .build();
    }

    @POST
    @Path("verify/")
    @PermitAll
    @IgnoresCredentials
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    public Response verify(VerifyRequest request) {
        checks.verify(request);
        return NoStore.ok(Map.of()).build();
    }

    @POST
    @Path("blacklist/")
    @PermitAll
    @IgnoresCredentials
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    public Response blacklist(RefreshRequest request) {
        tokens.blacklist(request);
        return NoStore.ok(Map.of()).build();
    }

    @POST
    @Path("logout-all/")
    @RolesAllowed(Roles.AUTHENTICATED)
    public Response logoutAll(@Context SecurityContext caller) {
        users.logoutAll(caller.getUserPrincipal().getName());
        return NoStore.ok(Map.of()).build();
    }
}
