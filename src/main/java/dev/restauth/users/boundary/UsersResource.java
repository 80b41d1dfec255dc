package dev.restauth.users.boundary;

import dev.restauth.users.control.Users;
import dev.restauth.users.entity.CreatedUser;
import dev.restauth.users.entity.NewUser;
import dev.restauth.users.entity.Roles;
import dev.restauth.users.entity.User;
import dev.restauth.users.entity.UserChanges;
import dev.restauth.users.entity.UserView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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

/** Users, managed by admins; {@code me/} is any authenticated caller's own account ({@link MeResource}). */
@Path("api/users/")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
@SecurityRequirement(name = "bearerAuth")
@SecurityRequirement(name = "tokenAuth")
@SecurityRequirement(name = "basicAuth")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "503", ref = "Unavailable")
public class UsersResource {

    @Inject
    Users users;

    /**
     * 201 with the new user's path as {@code Location}: a reference without scheme and host
     * (RFC 9110 §10.2.2), so that neither a Host header nor the forwarded headers any client can
     * send decide where it points, and nothing that could fail is built after the user exists.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = NewUser.class),
                            examples =
                                    @ExampleObject(
                                            name = "user",
                                            value =
                                                    "{\"username\": \"alice\", \"password\": \"correct horse battery staple\","
                                                            + " \"roles\": [\"staff\"]}")))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the user",
            content = @Content(schema = @Schema(implementation = CreatedUser.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response create(NewUser request, @Context HttpServletRequest http) {
        User created = users.create(request);
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, UserLocation.of(http.getContextPath(), created.username()))
                .entity(CreatedUser.of(created))
                .build();
    }

    /** Every user, or those matching DRF's SearchFilter query {@code ?search=} (username and roles). */
    @GET
    @Operation(summary = "Every user, or those matching `?search=` (DRF SearchFilter over username and roles)")
    @APIResponse(
            responseCode = "200",
            description = "The users",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = UserView.class)))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<UserView> list(@QueryParam("search") String search) {
        return users.search(search).stream().map(UserView::of).toList();
    }

    @GET
    @Path("{username}/")
    @Operation(summary = "One user")
    @APIResponse(
            responseCode = "200",
            description = "The user",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public UserView get(@PathParam("username") String username) {
        return UserView.of(users.find(username));
    }

    /** Roles, active, and a password (an administrator's reset). */
    @PATCH
    @Path("{username}/")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a user's roles, active flag or password (a reset)")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = UserChanges.class),
                            examples = @ExampleObject(name = "deactivate", value = "{\"active\": false}")))
    @APIResponse(
            responseCode = "200",
            description = "The user as changed",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public UserView change(
            @PathParam("username") String username, UserChanges changes, @Context SecurityContext caller) {
        return UserView.of(
                users.change(username, changes, caller.getUserPrincipal().getName()));
    }

    @DELETE
    @Path("{username}/")
    @Operation(summary = "Delete a user")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response remove(@PathParam("username") String username) {
        users.remove(username);
        return Response.noContent().build();
    }
}
