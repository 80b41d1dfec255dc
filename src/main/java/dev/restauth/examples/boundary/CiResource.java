package dev.restauth.examples.boundary;

import dev.restauth.authentication.boundary.AuthenticatedBy;
import dev.restauth.examples.entity.Message;
import dev.restauth.users.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * An endpoint for CI jobs, which hold an API token and nothing else, as a DRF view with {@code
 * authentication_classes = [TokenAuthentication]}: a Bearer token or a password counts as no
 * credentials here, and a caller without credentials is challenged with {@code Token}.
 */
@Path("api/ci/")
@AuthenticatedBy("Token")
@RolesAllowed(Roles.AUTHENTICATED)
@Produces(MediaType.APPLICATION_JSON)
public class CiResource {

    @GET
    public Message get(@Context SecurityContext caller) {
        return new Message("Hello, " + caller.getUserPrincipal().getName() + "!");
    }

    /** Narrowed schemes still need the role. */
    @GET
    @Path("admin/")
    @RolesAllowed(Roles.ADMIN)
    public Message admin() {
        return new Message("admin");
    }

    /** A method's annotation replaces its class's: Basic first (so its challenge), Token too. */
    @GET
    @Path("basic-or-token/")
    @AuthenticatedBy({"Basic", "Token"})
    public Message basicOrToken(@Context SecurityContext caller) {
        return new Message("Hello, " + caller.getUserPrincipal().getName() + "!");
    }
}
