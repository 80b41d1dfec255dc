package dev.restauth.users.boundary;

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
import jakarta.servlet.http.HttpServletRequest;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Users, managed by admins; {@code me/} is any authenticated caller's own account. */
@Path("api/users/")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
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
    public Response create(NewUser request, @Context HttpServletRequest http) {
        User created = users.create(request);
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, http.getContextPath() + "/api/users/" + segment(created.username()) + "/")
                .entity(CreatedUser.of(created))
                .build();
    }

    private static String segment(String username) {
        return URLEncoder.encode(username, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @GET
    public List<UserView> list() {
        return users.all().stream().map(UserView::of).toList();
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
    public Detail changePassword(PasswordChange change, @Context SecurityContext caller) {
        users.changePassword(caller.getUserPrincipal().getName(), change);
        return new Detail("New password has been saved.");
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
