package dev.restauth.apitokens.control;

import dev.restauth.apitokens.entity.ApiToken;
import dev.restauth.apitokens.entity.ImportedKey;
import dev.restauth.apitokens.entity.IssuedToken;
import dev.restauth.apitokens.entity.NewToken;
import dev.restauth.audit.control.Audit;
import dev.restauth.audit.entity.AuditEvent.Type;
import dev.restauth.errors.control.FieldErrors;
import dev.restauth.platform.control.ClientAddress;
import dev.restauth.platform.control.OutcomeCounter;
import dev.restauth.platform.entity.RequestOrigin;
import dev.restauth.users.entity.User;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Issuing, importing, listing and revoking API tokens (logins that issue one: {@link ApiTokenLogins}). */
@ApplicationScoped
public class ApiTokens {

    /** What happened to API tokens, for the metrics. */
    enum Change {
        /** A new key: a login, a caller's new token, an admin's drf_create_token. */
        ISSUED,
        /** An existing DRF key taken over. */
        IMPORTED,
        /** One by its owner or an admin, or all of a user's (reset, logout-all, new password). */
        REVOKED
    }

    @Inject
    ApiTokenStore store;

    @Inject
    TokenKeys keys;

    @Inject
    VerifiedKeys verifiedKeys;

    @Inject
    ApiTokenRequests requests;

    @Inject
    Audit audit;

    @Inject
    ClientAddress clients;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry meters;

    private OutcomeCounter<Change> changes = OutcomeCounter.none();

    @PostConstruct
    void registerMeters() {
        changes = OutcomeCounter.register(
                meters, "restauth.api.tokens", "API tokens issued, imported and revoked", "change", Change.class);
    }

    /** A new token for the user; the answer is the only place its key ever appears. */
    public IssuedToken issue(User user, NewToken request) {
        return issue(user, request, clients.origin());
    }

    /** A new token for the user, issued for a request from {@code origin}. */
    IssuedToken issue(User user, NewToken request, RequestOrigin origin) {
        Instant now = clock.instant();
        String name = requests.label(request.name());
        Instant expires = requests.expiry(request.expiresIn(), now);
        String key = keys.newKey();
        ApiToken token =
                store.add(new ApiToken(user.id(), name, TokenKeys.selector(key), keys.digest(key), now, expires));
        audit.record(Type.TOKEN_ISSUED, user.username(), "API token " + token.id(), origin);
        changes.count(Change.ISSUED);
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
        verifiedKeys.forgetRefusal(key); // clients may have kept sending it until now
        audit.record(Type.TOKEN_ISSUED, user.username(), "API token " + token.id() + " imported from DRF");
        changes.count(Change.IMPORTED);
        return new IssuedToken(token.id(), token.name(), null, token.createdAt(), null);
    }

    /**
     * A DRF key from a bulk import (a Django {@code authtoken.token} row): stored hashed like any
     * key, with its original creation time. Importing it again for the same user changes nothing;
     * a key another user holds is a conflict. With {@code dryRun} nothing is written.
     */
    public ImportedKey.Outcome importKey(long userId, String key, Instant created, boolean dryRun) {
        String digest = keys.digest(key);
        Optional<ApiToken> existing = TokenKeys.matching(store.withSelector(TokenKeys.selector(key)), digest);
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
            changes.count(Change.REVOKED);
        });
        return token.isPresent();
    }

    /** All of the user's tokens (logout-all, a new password: {@link UserTokenRevocations}). */
    public void revokeAll(long userId) {
        changes.count(Change.REVOKED, store.revokeAllOf(userId, clock.instant()));
        verifiedKeys.forgetUser(userId);
    }
}
