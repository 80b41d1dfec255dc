package dev.restauth.apitokens.control;

import dev.restauth.apitokens.entity.ApiToken;
import dev.restauth.apitokens.entity.ImportedKey;
import dev.restauth.apitokens.entity.IssuedToken;
import dev.restauth.apitokens.entity.NewToken;
import dev.restauth.apitokens.entity.TokenLogin;
import dev.restauth.audit.control.Audit;
import dev.restauth.audit.entity.AuditEvent.Type;
import dev.restauth.errors.control.FieldErrors;
import dev.restauth.users.control.UserIdentityStore;
import dev.restauth.users.entity.TokensRevoked;
import dev.restauth.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Issuing, importing, listing and revoking API tokens. */
@ApplicationScoped
public class ApiTokens {

    static final String UNABLE_TO_LOG_IN = "Unable to log in with provided credentials.";

    @Inject
    ApiTokenStore store;

    @Inject
    TokenKeys keys;

    @Inject
    VerifiedKeys verifiedKeys;

    @Inject
    ApiTokenRequests requests;

    @Inject
    UserIdentityStore identityStore;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "apitokens.revoke-on-password-change", defaultValue = "true")
    boolean revokeOnPasswordChange;

    /** DRF's obtain_auth_token, except that every login issues a new key (keys are stored hashed). */
    public IssuedToken obtain(TokenLogin login) {
        requests.check(login);
        User user = identityStore
                .login(login.username(), login.password().toCharArray())
                .orElseThrow(() -> FieldErrors.of(FieldErrors.NON_FIELD, UNABLE_TO_LOG_IN));
        return issue(user, new NewToken(login.name(), null));
    }

    /** A new token for the user; the answer is the only place its key ever appears. */
    public IssuedToken issue(User user, NewToken request) {
        Instant now = clock.instant();
        String name = requests.label(request.name());
        Instant expires = requests.expiry(request.expiresIn(), now);
        String key = keys.newKey();
        ApiToken token =
                store.add(new ApiToken(user.id(), name, TokenKeys.selector(key), keys.digest(key), now, expires));
        audit.record(Type.TOKEN_ISSUED, user.username(), "API token " + token.id());
        return new IssuedToken(token.id(), token.name(), key, token.createdAt(), token.expiresAt());
    }

    /** An existing DRF key, kept working after a migration; stored hashed like ours. */
    public IssuedToken importKey(User user, ImportedKey request) {
        requests.check(request);
        String key = request.key();
        if (verifiedKeys.find(key).isPresent()) {
            throw FieldErrors.of("key", "This key is already in use.");
        }
        String name = requests.label(request.name() == null ? "imported" : request.name());
        ApiToken token = store.add(
                new ApiToken(user.id(), name, TokenKeys.selector(key), keys.digest(key), clock.instant(), null));
        audit.record(Type.TOKEN_ISSUED, user.username(), "API token " + token.id() + " imported from DRF");
        return new IssuedToken(token.id(), token.name(), null, token.createdAt(), null);
    }

    /**
     * A DRF key from a bulk import (a Django {@code authtoken.token} row): stored hashed like any
     * key, with its original creation time. Importing it again for the same user changes nothing;
     * a key another user holds is a conflict. With {@code dryRun} nothing is written.
     */
    public ImportedKey.Outcome importKey(long userId, String key, Instant created, boolean dryRun) {
        String digest = keys.digest(key);
        Optional<ApiToken> existing = store.withSelector(TokenKeys.selector(key)).stream()
                .filter(token -> MessageDigest.isEqual(
                        token.digest().getBytes(StandardCharsets.US_ASCII), digest.getBytes(StandardCharsets.US_ASCII)))
                .findFirst();
        if (existing.isPresent()) {
            return existing.get().userId() == userId ? ImportedKey.Outcome.UNCHANGED : ImportedKey.Outcome.CONFLICT;
        }
        if (!dryRun) {
            Instant when = created == null ? clock.instant() : created;
            store.add(new ApiToken(userId, "imported from Django", TokenKeys.selector(key), digest, when, null));
        }
        return ImportedKey.Outcome.CREATED;
    }

    public List<ApiToken> of(User user) {
        return store.ofUser(user.id());
    }

    /** Revokes one of the user's tokens; false when it is not theirs. */
    public boolean revoke(User user, long tokenId) {
        Optional<ApiToken> token =
                store.find(tokenId).filter(found -> found.userId().equals(user.id()));
        token.ifPresent(found -> {
            store.revoke(found.id(), clock.instant());
            verifiedKeys.forgetToken(found.id());
            audit.record(Type.TOKEN_REVOKED, user.username(), "API token " + found.id());
        });
        return token.isPresent();
    }

    public void revokeAll(long userId) {
        store.revokeAllOf(userId, clock.instant());
        verifiedKeys.forgetUser(userId);
    }

    /**
     * Logout-all always ends a user's API tokens, a new password when so configured; deactivation
     * does not (DRF answers "User inactive or deleted." and a reactivated user's tokens work again).
     */
    void onTokensRevoked(@Observes TokensRevoked revoked) {
        boolean passwordChanged = revoked.reason() == TokensRevoked.Reason.PASSWORD_CHANGED;
        if (revoked.reason() == TokensRevoked.Reason.LOGOUT_ALL || (passwordChanged && revokeOnPasswordChange)) {
            revokeAll(revoked.userId());
        }
    }
}
