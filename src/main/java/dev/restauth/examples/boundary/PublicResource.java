package dev.restauth.examples.boundary;

import dev.restauth.examples.entity.Message;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Open to anyone, as DRF's AllowAny; the unauthenticated baseline of every test and benchmark. */
@Path("api/public/")
@PermitAll
public class PublicResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Message get() {
        return new Message("public");
    }
}
