package dev.restauth.apitokens.boundary;

import dev.restauth.apitokens.control.ApiTokens;
import dev.restauth.apitokens.control.TokenAuthentication;
import dev.restauth.apitokens.entity.TokenLogin;
import dev.restauth.authentication.boundary.IgnoresCredentials;
import dev.restauth.authentication.entity.Roles;
import dev.restauth.errors.control.FieldErrors;
import dev.restauth.platform.boundary.NoStore;
import dev.restauth.users.control.UserIdentityStore;
import dev.restauth.users.control.Users;
import dev.restauth.users.entity.User;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DRF's {@code obtain_auth_token} (one deliberate difference: keys are stored hashed, so every
 * login issues a new key instead of returning the same one), and knox's logout of the token used.
 */
@Path("api/auth-token/")
@Produces(MediaType.APPLICATION_JSON)
public class AuthTokenResource {

    static final String UNABLE_TO_LOG_IN = "Unable to log in with provided credentials.";

    public record Key(String token) {
        @Override
        public String toString() {
            return "Key[***]";
        }
    }

    @Inject
    UserIdentityStore identityStore;

    @Inject
    Users users;

    @Inject
    ApiTokens tokens;

    @POST
    @PermitAll
    @IgnoresCredentials
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    public Response obtain(TokenLogin login) {
        TokenLogin given = login == null ? new TokenLogin(null, null, null) : login;
        Map<String, List<String>> errors = new LinkedHashMap<>();
        FieldErrors.requireText("username", given.username(), errors);
        FieldErrors.requireText("password", given.password(), errors);
        if (!errors.isEmpty()) {
            throw new FieldErrors(errors);
        }
        User user = identityStore
                .authenticate(given.username(), given.password().toCharArray())
                .orElseThrow(() -> FieldErrors.of(FieldErrors.NON_FIELD, UNABLE_TO_LOG_IN));
        return NoStore.ok(new Key(tokens.issue(user, given.name(), null).token()))
                .build();
    }

    /** Revokes the token this request was authenticated with. */
    @DELETE
    @RolesAllowed(Roles.AUTHENTICATED)
    public Response revoke(@Context HttpServletRequest request, @Context SecurityContext caller) {
        if (!(request.getAttribute(TokenAuthentication.TOKEN_ID) instanceof Long tokenId)) {
            throw new BadRequestException("Authenticate with the token to revoke it.");
        }
        tokens.revoke(users.find(caller.getUserPrincipal().getName()), tokenId);
        return Response.noContent().build();
    }
}
