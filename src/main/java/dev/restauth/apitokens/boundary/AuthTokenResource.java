package dev.restauth.apitokens.boundary;

import dev.restauth.apitokens.control.ApiTokenLogins;
import dev.restauth.apitokens.control.ApiTokens;
import dev.restauth.apitokens.control.TokenScheme;
import dev.restauth.apitokens.entity.AuthToken;
import dev.restauth.apitokens.entity.TokenLogin;
import dev.restauth.authentication.boundary.IgnoresCredentials;
import dev.restauth.errors.boundary.ErrorWriter;
import dev.restauth.platform.boundary.NoStore;
import dev.restauth.platform.control.ClientAddress;
import dev.restauth.users.control.Users;
import dev.restauth.users.entity.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * DRF's {@code obtain_auth_token} (one deliberate difference: keys are stored hashed, so every
 * login issues a new key instead of returning the same one), and knox's logout of the token used.
 */
@Path("api/auth-token/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API tokens")
public class AuthTokenResource {

    @Inject
    ApiTokens tokens;

    @Inject
    ApiTokenLogins logins;

    @Inject
    Users users;

    @Inject
    ClientAddress clients;

    @POST
    @PermitAll
    @IgnoresCredentials
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @Operation(
            summary = "Log in: a new API token",
            description = "DRF's obtain_auth_token, except that each login issues a new key (keys are stored"
                    + " hashed). `name` labels the token. The Authorization header is ignored here.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TokenLogin.class),
                            examples =
                                    @ExampleObject(
                                            name = "login",
                                            value =
                                                    "{\"username\": \"alice\", \"password\": \"correct horse battery staple\","
                                                            + " \"name\": \"laptop\"}")))
    @APIResponse(
            responseCode = "200",
            description = "The key, for `Authorization: Token <key>`; shown only this once",
            content =
                    @Content(
                            schema = @Schema(implementation = AuthToken.class),
                            example = "{\"token\": \"9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b\"}"))
    @APIResponse(
            responseCode = "400",
            description = "Missing fields, or `non_field_errors`: unable to log in with provided credentials",
            content = @Content(schema = @Schema(ref = "FieldErrors")))
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "429", ref = "Throttled")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public CompletionStage<Response> obtain(TokenLogin login) {
        return ErrorWriter.answering(logins.obtain(login, clients.origin())
                .thenApply(issued -> NoStore.ok(new AuthToken(issued.token())).build()));
    }

    /** Revokes the token this request was authenticated with. */
    @DELETE
    @RolesAllowed(Roles.AUTHENTICATED)
    @Operation(summary = "Log out: revoke the API token this request carries", description = "knox's logout.")
    @SecurityRequirement(name = "bearerAuth")
    @SecurityRequirement(name = "tokenAuth")
    @SecurityRequirement(name = "basicAuth")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(
            responseCode = "400",
            description = "The request was not authenticated with an API token",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response revoke(@Context HttpServletRequest request, @Context SecurityContext caller) {
        if (!(request.getAttribute(TokenScheme.TOKEN_ID) instanceof Long tokenId)) {
            throw new BadRequestException("Authenticate with the token to revoke it.");
        }
        tokens.revoke(users.find(caller.getUserPrincipal().getName()), tokenId);
        return Response.noContent().build();
    }
}
