package dev.restauth.jwt.boundary;

import dev.restauth.authentication.boundary.IgnoresCredentials;
import dev.restauth.authentication.entity.Roles;
import dev.restauth.jwt.control.Tokens;
import dev.restauth.jwt.entity.Credentials;
import dev.restauth.jwt.entity.TokenPair;
import dev.restauth.platform.boundary.NoStore;
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

/**
 * SimpleJWT's endpoints, JSON or form-encoded as DRF parses them. The login-like ones ignore the
 * Authorization header, as SimpleJWT's views do; logout-all needs an authenticated caller.
 */
@Path("api/token/")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    public record Refresh(String refresh) {}

    public record Verify(String token) {}

    /** The rotated pair, or only the access token when rotation is off (SimpleJWT's shapes). */
    public record Access(String access) {}

    @Inject
    Tokens tokens;

    @POST
    @PermitAll
    @IgnoresCredentials
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    public Response obtain(Credentials credentials) {
        return noStore(tokens.obtain(credentials));
    }

    @POST
    @Path("refresh/")
    @PermitAll
    @IgnoresCredentials
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    public Response refresh(Refresh body) {
        TokenPair pair = tokens.refresh(body == null ? null : body.refresh());
        return noStore(pair.refresh() == null ? new Access(pair.access()) : pair);
    }

    @POST
    @Path("verify/")
    @PermitAll
    @IgnoresCredentials
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    public Response verify(Verify body) {
        tokens.verify(body == null ? null : body.token());
        return noStore(Map.of());
    }

    @POST
    @Path("blacklist/")
    @PermitAll
    @IgnoresCredentials
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    public Response blacklist(Refresh body) {
        tokens.blacklist(body == null ? null : body.refresh());
        return noStore(Map.of());
    }

    @POST
    @Path("logout-all/")
    @RolesAllowed(Roles.AUTHENTICATED)
    public Response logoutAll(@Context SecurityContext caller) {
        tokens.logoutAll(caller.getUserPrincipal().getName());
        return noStore(Map.of());
    }

    private static Response noStore(Object entity) {
        return NoStore.ok(entity).build();
    }
}
