package dev.restauth.examples.boundary;

import dev.restauth.authentication.boundary.AuthenticatedBy;
import dev.restauth.examples.entity.Message;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Open to anyone, and greets a caller with an API token by name: a public resource narrowed to
 * {@code Token}. Credentials of another scheme, good or bad, are ignored here: the caller is
 * anonymous.
 */
@Path("api/greeting/")
@PermitAll
@AuthenticatedBy("Token")
@Produces(MediaType.APPLICATION_JSON)
public class GreetingResource {

    @GET
    public Message get(@Context SecurityContext caller) {
        String name = caller.getUserPrincipal() == null
                ? "anonymous"
                : caller.getUserPrincipal().getName();
        return new Message("Hello, " + name + "!");
    }
}
