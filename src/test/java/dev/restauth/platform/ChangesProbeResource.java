package dev.restauth.platform;

import dev.restauth.jwt.control.SigningKeys;
import dev.restauth.platform.control.Change;
import dev.restauth.platform.control.Changes;
import dev.restauth.users.entity.Roles;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Test-only resource in the Arquillian archive, a node of its own on the test database: publishes
 * a change in a transaction that commits or rolls back, and rotates the signing key as the
 * schedule would.
 */
@Path("test/changes")
@RolesAllowed(Roles.ADMIN)
public class ChangesProbeResource {

    @Inject
    Changes changes;

    @Inject
    SigningKeys signingKeys;

    @Resource
    UserTransaction transaction;

    @POST
    @Path("user/{id}")
    public Response publish(@PathParam("id") long id, @QueryParam("commit") boolean commit) throws Exception {
        transaction.begin();
        try {
            changes.publish(Change.user(id));
        } finally {
            if (commit) {
                transaction.commit();
            } else {
                transaction.rollback();
            }
        }
        return Response.noContent().build();
    }

    @POST
    @Path("signing-keys/rotate")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> rotate() {
        return Map.of("kid", signingKeys.rotate().kid());
    }
}
