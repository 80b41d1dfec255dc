package dev.restauth.authentication.control;

import dev.restauth.authentication.entity.Caller;
import dev.restauth.errors.control.ApiError;
import dev.restauth.platform.control.ClientAddress;
import dev.restauth.users.control.UserIdentityStore;
import dev.restauth.users.entity.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * HTTP Basic, as DRF's BasicAuthentication: the user's password on every request, checked by the
 * users' identity store (throttled, and audited when it fails; a success is no login and writes
 * no audit line).
 */
@ApplicationScoped
public class BasicScheme implements AuthenticationScheme {

    public static final String CHALLENGE = "Basic realm=\"api\"";
    static final String INVALID = "Invalid username/password.";

    @Inject
    UserIdentityStore users;

    @Inject
    ClientAddress clients;

    @Override
    public String name() {
        return "Basic";
    }

    @Override
    public String challenge() {
        return CHALLENGE;
    }

    @Override
    public Caller authenticate(List<String> credentials) {
        BasicCredentials.Decoded decoded = BasicCredentials.decode(credentials);
        if (decoded.failure() != null) {
            throw ApiError.unauthorized(decoded.failure(), CHALLENGE);
        }
        BasicCredentials given = decoded.credentials();
        return users.authenticate(given.username(), given.password().toCharArray(), clients.origin())
                .map(user -> Caller.of(user.username(), Roles.granted(user.roles())))
                .orElseThrow(() -> ApiError.unauthorized(INVALID, CHALLENGE));
    }
}
