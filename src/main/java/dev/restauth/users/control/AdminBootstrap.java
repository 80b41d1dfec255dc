package dev.restauth.users.control;

import dev.restauth.errors.control.ApiError;
import dev.restauth.platform.control.SchemaReady;
import dev.restauth.users.entity.NewUser;
import dev.restauth.users.entity.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first administrator from {@code ADMIN_USERNAME}/{@code ADMIN_PASSWORD} once the
 * schema is ready, if no user of that name exists. Running it again changes nothing: an existing
 * user keeps their password and roles. The password is never logged.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = System.getLogger(AdminBootstrap.class.getName());

    @Inject
    @ConfigProperty(name = "admin.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "admin.password")
    Optional<String> password;

    @Inject
    UserStore store;

    @Inject
    Users users;

    void onSchemaReady(@Observes SchemaReady ready) {
        if (username.isEmpty() || username.get().isBlank()) {
            return;
        }
        if (password.isEmpty() || password.get().isEmpty()) {
            LOG.log(Level.WARNING, "ADMIN_USERNAME is set but ADMIN_PASSWORD is not; no admin user created");
            return;
        }
        if (store.findByUsername(UsernameRules.normalize(username.get())).isPresent()) {
            return;
        }
        try {
            users.create(new NewUser(username.get(), password.get(), List.of(Roles.ADMIN)));
            LOG.log(Level.INFO, "Created the admin user {0} from ADMIN_USERNAME", username.get());
        } catch (ApiError invalid) {
            LOG.log(
                    Level.ERROR,
                    "ADMIN_USERNAME/ADMIN_PASSWORD not usable, no admin user created: {0}",
                    invalid.fields());
        }
    }
}
