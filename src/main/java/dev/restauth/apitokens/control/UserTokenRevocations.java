package dev.restauth.apitokens.control;

import dev.restauth.users.entity.TokensRevoked;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which of the users component's events end a user's API tokens: logout-all always, a new password
 * when {@code apitokens.revoke-on-password-change} says so; deactivation does not (DRF answers
 * "User inactive or deleted." and a reactivated user's tokens work again). A policy of its own, so
 * that the rule and its setting are read in one place.
 */
@ApplicationScoped
public class UserTokenRevocations {

    @Inject
    ApiTokens tokens;

    @Inject
    @ConfigProperty(name = "apitokens.revoke-on-password-change", defaultValue = "true")
    boolean revokeOnPasswordChange;

    void onTokensRevoked(@Observes TokensRevoked revoked) {
        boolean passwordChanged = revoked.reason() == TokensRevoked.Reason.PASSWORD_CHANGED;
        if (revoked.reason() == TokensRevoked.Reason.LOGOUT_ALL || (passwordChanged && revokeOnPasswordChange)) {
            tokens.revokeAll(revoked.userId());
        }
    }
}
