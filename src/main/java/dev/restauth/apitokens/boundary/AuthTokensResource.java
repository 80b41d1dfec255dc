package dev.restauth.apitokens.boundary;

import dev.restauth.apitokens.control.ApiTokens;
import dev.restauth.apitokens.entity.IssuedToken;
import dev.restauth.apitokens.entity.NewToken;
import dev.restauth.apitokens.entity.TokenView;
import dev.restauth.platform.boundary.NoStore;
import dev.restauth.users.control.Users;
import dev.restauth.users.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own API tokens: personal access tokens, named and optionally expiring. */
@Path("api/auth-tokens/")
@RolesAllowed(Roles.AUTHENTICATED)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API tokens")
@SecurityRequirement(name = "bearerAuth")
@SecurityRequirement(name = "tokenAuth")
@SecurityRequirement(name = "basicAuth")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class AuthTokensResource {

    @Inject
    Users users;

    @Inject
    ApiTokens tokens;

    @GET
    @Operation(summary = "The caller's live API tokens", description = "Never their keys.")
    @APIResponse(
            responseCode = "200",
            description = "The tokens",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = TokenView.class)))
    public List<TokenView> list(@Context SecurityContext caller) {
        return tokens.of(users.find(name(caller))).stream().map(TokenView::of).toList();
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @Operation(
            summary = "A new personal API token",
            description = "`expires_in` is an ISO-8601 duration or `never`; without it, `apitokens.default-lifetime`.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = NewToken.class),
                            examples =
                                    @ExampleObject(
                                            name = "ci",
                                            value = "{\"name\": \"ci\", \"expires_in\": \"P90D\"}")))
    @APIResponse(
            responseCode = "201",
            description = "The token with its key, shown only this once",
            content = @Content(schema = @Schema(implementation = IssuedToken.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response create(NewToken request, @Context SecurityContext caller) {
        return NoStore.created(tokens.issue(users.find(name(caller)), request)).build();
    }

    @DELETE
    @Path("{id}/")
    @Operation(summary = "Revoke one of the caller's API tokens")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response revoke(@PathParam("id") long id, @Context SecurityContext caller) {
        if (!tokens.revoke(users.find(name(caller)), id)) {
            throw new NotFoundException();
        }
        return Response.noContent().build();
    }

    private static String name(SecurityContext caller) {
        return caller.getUserPrincipal().getName();
    }
}
