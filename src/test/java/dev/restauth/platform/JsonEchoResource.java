package dev.restauth.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only resource in the Arquillian archive: a JSON body for the error mappers to reject. */
@Path("test/echo")
@PermitAll
public class JsonEchoResource {

    public record Payload(String text) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Payload echo(Payload payload) {
        return payload;
    }
}
