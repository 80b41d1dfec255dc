package dev.restauth.apitokens.control;

import dev.restauth.audit.control.Audit;
import dev.restauth.audit.entity.AuditEvent.Type;
import dev.restauth.authentication.control.AuthenticationScheme;
import dev.restauth.authentication.control.TokenCheck;
import dev.restauth.authentication.entity.Caller;
import dev.restauth.errors.control.ApiError;
import dev.restauth.platform.control.OutcomeCounter;
import dev.restauth.users.control.UserStatusCache;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

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
    TokenUses uses;

    @Inject
    UserStatusCache users;

    @Inject
    Audit audit;

    @Inject
    MeterRegistry meters;

    private OutcomeCounter<TokenCheck> checks = OutcomeCounter.none();

    @PostConstruct
    void registerMeters() {
        checks = TokenCheck.counter(meters, "token");
    }

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
            throw refused(NO_CREDENTIALS, TokenCheck.INVALID);
        }
        if (credentials.size() > 1) {
            throw refused(SPACES, TokenCheck.INVALID);
        }
        String key = credentials.get(0);
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) <= 0x20 || key.charAt(i) >= 0x7f) {
                throw refused(INVALID_CHARACTERS, TokenCheck.INVALID);
            }
        }
        KeyCheck token = keys.check(key);
        if (token.token() == null) {
            // DRF's one answer for unknown, expired and revoked keys alike; only the metrics tell.
            throw refused(INVALID, token.outcome());
        }
        UserStatusCache.Status user = users.status(token.token().userId()).orElse(null);
        if (user == null || !user.active()) {
            throw refused(INACTIVE, TokenCheck.INACTIVE);
        }
        uses.record(token.token());
        checks.count(TokenCheck.ACCEPTED);
        return new Caller(
                user.username(), user.roles(), Map.of(TOKEN_ID, token.token().tokenId()));
    }

    private ApiError refused(String message, TokenCheck outcome) {
        checks.count(outcome);
        audit.record(Type.TOKEN_REJECTED, null, "Token: " + message);
        return ApiError.unauthorized(message, CHALLENGE);
    }
}
