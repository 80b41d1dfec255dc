package dev.restauth.apitokens.control;

import dev.restauth.audit.control.Audit;
import dev.restauth.audit.entity.AuditEvent.Type;
import dev.restauth.authentication.control.AuthenticationScheme;
import dev.restauth.authentication.entity.Caller;
import dev.restauth.errors.control.ApiError;
import dev.restauth.users.control.UserStatusCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DRF's TokenAuthentication: {@code Authorization: Token <key>}, with its messages. The token
 * that authenticated the request is left on it ({@link #TOKEN_ID}), so that logout can revoke it.
 */
@ApplicationScoped
public class TokenScheme implements AuthenticationScheme {

    /** The request attribute naming the token that authenticated the request. */
    public static final String TOKEN_ID = TokenScheme.class.getName() + ".tokenId";

    static final String CHALLENGE = "Token";
    static final String NO_CREDENTIALS = "Invalid token header. No credentials provided.";
    static final String SPACES = "Invalid token header. Token string should not contain spaces.";
    static final String INVALID_CHARACTERS =
            "Invalid token header. Token string should not contain invalid characters.";
    static final String INVALID = "Invalid token.";
    static final String INACTIVE = "User inactive or deleted.";

    @Inject
    VerifiedKeys keys;

    @Inject
    UserStatusCache users;

    @Inject
    Audit audit;

    @Override
    public String name() {
        return "Token";
    }

    @Override
    public String challenge() {
        return CHALLENGE;
    }

    @Override
    public Caller authenticate(List<String> credentials) {
        if (credentials.isEmpty()) {
            throw refused(NO_CREDENTIALS);
        }
        if (credentials.size() > 1) {
            throw refused(SPACES);
        }
        String key = credentials.get(0);
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) <= 0x20 || key.charAt(i) >= 0x7f) {
                throw refused(INVALID_CHARACTERS);
            }
        }
        Optional<VerifiedKeys.Verified> token = keys.authenticate(key);
        if (token.isEmpty()) {
            throw refused(INVALID);
        }
        Optional<UserStatusCache.Status> user = users.status(token.get().userId());
        if (user.isEmpty() || !user.get().active()) {
            throw refused(INACTIVE);
        }
        keys.used(token.get());
        return new Caller(
                user.get().username(),
                user.get().roles(),
                Map.of(TOKEN_ID, token.get().tokenId()));
    }

    private ApiError refused(String message) {
        audit.record(Type.TOKEN_REJECTED, null, "Token: " + message);
        return ApiError.unauthorized(message, CHALLENGE);
    }
}
