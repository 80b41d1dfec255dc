package dev.restauth.examples.boundary;

import dev.restauth.examples.entity.Message;
import dev.restauth.users.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** Any authenticated caller, as DRF's IsAuthenticated. */
@Path("api/hello/")
@RolesAllowed(Roles.AUTHENTICATED)
public class HelloResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Message get(@Context SecurityContext caller) {
        return new Message("Hello, " + caller.getUserPrincipal().getName() + "!");
    }
}
