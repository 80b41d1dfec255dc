package dev.restauth.examples.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Open to anyone, as DRF's AllowAny; the unauthenticated baseline of every test and benchmark. */
@Path("api/public/")
@PermitAll
public class PublicResource {

    public record Message(String message) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Message get() {
        return new Message("public");
    }
}
