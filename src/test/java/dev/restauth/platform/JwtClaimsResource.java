package dev.restauth.platform;

import dev.restauth.users.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Test-only resource in the Arquillian archive: what a resource sees through @Inject JsonWebToken. */
@Path("test/jwt")
@RolesAllowed(Roles.AUTHENTICATED)
public class JwtClaimsResource {

    public record Seen(String name, String jti, String tokenType) {}

    @Inject
    JsonWebToken jwt;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Seen seen() {
        Object tokenType = jwt.getClaim("token_type"); // not String.valueOf(getClaim): it infers char[]
        return new Seen(jwt.getName(), jwt.getTokenID(), String.valueOf(tokenType));
    }
}
