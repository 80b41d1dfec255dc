package dev.restauth.jwt.boundary;

import dev.restauth.jwt.control.SigningKeys;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The public keys that verify our tokens, for other services (RFC 7517 JWK Set). */
@Path(".well-known/jwks.json")
@PermitAll
public class JwksResource {

    @Inject
    SigningKeys keys;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String jwks() {
        return keys.current().jwks();
    }
}
