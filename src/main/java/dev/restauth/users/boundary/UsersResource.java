package dev.restauth.users.boundary;

import dev.restauth.users.control.Users;
import dev.restauth.users.entity.CreatedUser;
import dev.restauth.users.entity.NewUser;
import dev.restauth.users.entity.Roles;
import dev.restauth.users.entity.User;
import dev.restauth.users.entity.UserChanges;
import dev.restauth.users.entity.UserPage;
import dev.restauth.users.entity.UserView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

    @Inject
    UserListing listing;

    /**
     * 201 with the user's path as {@code Location}, no scheme or host (RFC 9110 §10.2.2): no Host or
     * forwarded header decides where it points, and nothing that may fail follows the insert.
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

    /** DRF's list view with SearchFilter and LimitOffsetPagination: {@link UserListing}. */
    @GET
    @Operation(summary = "Users: all, those matching `?search=`, or a page of them with `?limit=` and `?offset=`")
    @APIResponse(
            responseCode = "200",
            description = "The users; with `?limit=`, DRF's page: count, next, previous, results",
            content = @Content(schema = @Schema(oneOf = {UserView[].class, UserPage.class})))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Object list(@BeanParam UserQuery query) {
        return listing.list(query);
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
