package dev.restauth.users.boundary;

import dev.restauth.errors.boundary.ErrorWriter;
import dev.restauth.platform.control.ClientAddress;
import dev.restauth.users.control.PasswordChanges;
import dev.restauth.users.control.Users;
import dev.restauth.users.entity.Detail;
import dev.restauth.users.entity.PasswordChange;
import dev.restauth.users.entity.Roles;
import dev.restauth.users.entity.UserView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
 * Any authenticated caller's own account, where {@link UsersResource} is for admins. Its path is
 * longer than the users resource's, so JAX-RS matching picks it for {@code api/users/me/} (a
 * username no one may take) and the users resource for every other user below {@code api/users/}.
 */
@Path("api/users/me/")
@RolesAllowed(Roles.AUTHENTICATED)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
@SecurityRequirement(name = "bearerAuth")
@SecurityRequirement(name = "tokenAuth")
@SecurityRequirement(name = "basicAuth")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class MeResource {

    @Inject
    Users users;

    @Inject
    PasswordChanges passwordChanges;

    @Inject
    ClientAddress clients;

    @GET
    @Operation(summary = "The caller's own account")
    @APIResponse(
            responseCode = "200",
            description = "The caller",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    public UserView me(@Context SecurityContext caller) {
        return UserView.of(users.find(caller.getUserPrincipal().getName()));
    }

    @POST
    @Path("password/")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change the caller's password",
            description = "The old password proves it is the owner; every session of the caller ends.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = PasswordChange.class),
                            examples =
                                    @ExampleObject(
                                            name = "change",
                                            value =
                                                    "{\"old_password\": \"correct horse battery staple\", \"new_password\":"
                                                            + " \"another long passphrase\"}")))
    @APIResponse(
            responseCode = "200",
            description = "Saved",
            content = @Content(schema = @Schema(implementation = Detail.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "429", ref = "Throttled")
    public CompletionStage<Response> changePassword(PasswordChange change, @Context SecurityContext caller) {
        return ErrorWriter.answering(passwordChanges
                .change(caller.getUserPrincipal().getName(), change, clients.origin())
                .thenApply(changed ->
                        Response.ok(new Detail("New password has been saved.")).build()));
    }
}
