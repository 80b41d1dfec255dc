package dev.restauth.apitokens.control;

import dev.restauth.apitokens.entity.IssuedToken;
import dev.restauth.apitokens.entity.NewToken;
import dev.restauth.apitokens.entity.TokenLogin;
import dev.restauth.errors.control.FieldErrors;
import dev.restauth.platform.entity.RequestOrigin;
import dev.restauth.users.control.UserIdentityStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

/**
 * DRF's obtain_auth_token: a username and password for a key, except that every login issues a
 * new key (keys are stored hashed, so an existing one cannot be handed out again). Apart from
 * {@link ApiTokens} because it is the one path that checks a password, asynchronously.
 */
@ApplicationScoped
public class ApiTokenLogins {

    static final String UNABLE_TO_LOG_IN = "Unable to log in with provided credentials.";

    @Inject
    ApiTokenRequests requests;

    @Inject
    UserIdentityStore identityStore;

    @Inject
    ApiTokens tokens;

    /** The key is issued once the password check is done, on a managed thread. */
    public CompletionStage<IssuedToken> obtain(TokenLogin login, RequestOrigin origin) {
        requests.check(login);
        return identityStore
                .login(login.username(), login.password().toCharArray(), origin)
                .thenApply(found -> tokens.issue(
                        found.orElseThrow(() -> FieldErrors.of(FieldErrors.NON_FIELD, UNABLE_TO_LOG_IN)),
                        new NewToken(login.name(), null),
                        origin));
    }
}
