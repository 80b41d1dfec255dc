package dev.restauth.jwt.boundary;

import dev.restauth.jwt.control.SigningKeys;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public keys that verify our tokens, for other services (RFC 7517 JWK Set). */
@Path(".well-known/jwks.json")
@PermitAll
@Tag(name = "JWT")
public class JwksResource {

    @Inject
    SigningKeys keys;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The public keys that verify our JWTs (a JWK Set)")
    @APIResponse(
            responseCode = "200",
            description = "RFC 7517 JWK Set: the signing key and the retired ones whose tokens may still live",
            content =
                    @Content(
                            schema = @Schema(type = SchemaType.OBJECT),
                            example =
                                    "{\"keys\": [{\"kty\": \"EC\", \"crv\": \"P-256\", \"kid\": \"…\", \"use\": \"sig\","
                                            + " \"alg\": \"ES256\", \"x\": \"…\", \"y\": \"…\"}]}"))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public String jwks() {
        return keys.current().jwks();
    }
}
