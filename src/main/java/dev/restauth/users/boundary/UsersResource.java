package dev.restauth.users.boundary;

import dev.restauth.platform.control.ClientAddress;
import dev.restauth.users.control.Users;
import dev.restauth.users.entity.CreatedUser;
import dev.restauth.users.entity.Detail;
import dev.restauth.users.entity.NewUser;
import dev.restauth.users.entity.PasswordChange;
import dev.restauth.users.entity.Roles;
import dev.restauth.users.entity.User;
import dev.restauth.users.entity.UserChanges;
import dev.restauth.users.entity.UserView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Users, managed by admins; {@code me/} is any authenticated caller's own account. */
@Path("api/users/")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    Users users;

    @Inject
    ClientAddress clients;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewUser request, @Context UriInfo uri) {
        User created = users.create(request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.username() + "/")
                        .build())
                .entity(CreatedUser.of(created))
                .build();
    }

    /** Every user, or those matching DRF's SearchFilter query {@code ?search=} (username and roles). */
    @GET
    public List<UserView> list(@QueryParam("search") String search) {
        return users.search(search).stream().map(UserView::of).toList();
    }

    @GET
    @Path("me/")
    @RolesAllowed(Roles.AUTHENTICATED)
    public UserView me(@Context SecurityContext caller) {
        return UserView.of(users.find(caller.getUserPrincipal().getName()));
    }

    @POST
    @Path("me/password/")
    @RolesAllowed(Roles.AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<Detail> changePassword(PasswordChange change, @Context SecurityContext caller) {
        return users.changePassword(caller.getUserPrincipal().getName(), change, clients.origin())
                .thenApply(changed -> new Detail("New password has been saved."));
    }

    @GET
    @Path("{username}/")
    public UserView get(@PathParam("username") String username) {
        return UserView.of(users.find(username));
    }

    /** Roles, active, and a password (an administrator's reset). */
    @PATCH
    @Path("{username}/")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserView change(
            @PathParam("username") String username, UserChanges changes, @Context SecurityContext caller) {
        return UserView.of(
                users.change(username, changes, caller.getUserPrincipal().getName()));
    }

    @DELETE
    @Path("{username}/")
    public Response remove(@PathParam("username") String username) {
        users.remove(username);
        return Response.noContent().build();
    }
}
