package dev.restauth.jwt.boundary;

import dev.restauth.authentication.boundary.IgnoresCredentials;
import dev.restauth.errors.boundary.ErrorWriter;
import dev.restauth.jwt.control.TokenChecks;
import dev.restauth.jwt.control.Tokens;
import dev.restauth.jwt.entity.AccessToken;
import dev.restauth.jwt.entity.Credentials;
import dev.restauth.jwt.entity.RefreshRequest;
import dev.restauth.jwt.entity.TokenPair;
import dev.restauth.jwt.entity.VerifyRequest;
import dev.restauth.platform.boundary.NoStore;
import dev.restauth.platform.control.ClientAddress;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * SimpleJWT's endpoints, JSON or form-encoded as DRF parses them: login, refresh, verify; logout
 * is {@link TokenBlacklistResource}, logout-all {@link LogoutAllResource}. They ignore the
 * Authorization header, as SimpleJWT's views do.
 */
@Path("api/token/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "JWT")
public class TokenResource {

    static final String CREDENTIALS_EXAMPLE =
            "{\"username\": \"alice\", \"password\": \"correct horse battery staple\"}";
    static final String REFRESH_EXAMPLE = "{\"refresh\": \"eyJhbGciOiJFUzI1NiIsImtpZCI6Ii4uLiJ9...\"}";

    @Inject
    Tokens tokens;

    @Inject
    TokenChecks checks;

    @Inject
    ClientAddress clients;

    @POST
    @PermitAll
    @IgnoresCredentials
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @Operation(
            summary = "Log in: a new access/refresh pair",
            description = "SimpleJWT's TokenObtainPairView. The Authorization header is ignored here.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Credentials.class),
                            examples = @ExampleObject(name = "login", value = CREDENTIALS_EXAMPLE)))
    @APIResponse(
            responseCode = "200",
            description = "The pair; the access token goes in `Authorization: Bearer <access>`",
            content = @Content(schema = @Schema(implementation = TokenPair.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(
            responseCode = "401",
            description = "No active account found with the given credentials",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "429", ref = "Throttled")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public CompletionStage<Response> obtain(Credentials credentials) {
        return ErrorWriter.answering(tokens.obtain(credentials, clients.origin())
                .thenApply(pair -> NoStore.ok(pair).build()));
    }

    /** The rotated pair, or only the access token when rotation is off (SimpleJWT's shapes). */
    @POST
    @Path("refresh/")
    @PermitAll
    @IgnoresCredentials
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @Operation(
            summary = "A new access token for a refresh token",
            description = "With rotation on (`jwt.refresh.rotate`), a new refresh token too, and the old one is"
                    + " spent: presented again, it revokes its whole family.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RefreshRequest.class),
                            examples = @ExampleObject(name = "refresh", value = REFRESH_EXAMPLE)))
    @APIResponse(
            responseCode = "200",
            description = "The new pair (only `access` without rotation)",
            content = @Content(schema = @Schema(implementation = TokenPair.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(
            responseCode = "401",
            description = "The refresh token is invalid, expired, blacklisted or reused",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response refresh(RefreshRequest request) {
        TokenPair pair = tokens.refresh(request);
        return NoStore.ok(pair.refresh() == null ? new AccessToken(pair.access()) : pair)
                .build();
    }

    @POST
    @Path("verify/")
    @PermitAll
    @IgnoresCredentials
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @Operation(summary = "Check a token of either type", description = "SimpleJWT's TokenVerifyView.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = VerifyRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "Valid: an empty object",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT), example = "{}"))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(
            responseCode = "401",
            description = "Invalid, expired or blacklisted",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response verify(VerifyRequest request) {
        checks.verify(request);
        return NoStore.ok(Map.of()).build();
    }
}
