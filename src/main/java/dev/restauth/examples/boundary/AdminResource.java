package dev.restauth.examples.boundary;

import dev.restauth.examples.entity.Message;
import dev.restauth.users.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Only callers with the admin role; anyone else authenticated gets 403. */
@Path("api/admin/")
@RolesAllowed(Roles.ADMIN)
public class AdminResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Message get() {
        return new Message("admin");
    }
}
