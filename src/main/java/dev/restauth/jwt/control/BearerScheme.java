package dev.restauth.jwt.control;

import dev.restauth.audit.control.Audit;
import dev.restauth.audit.entity.AuditEvent.Type;
import dev.restauth.authentication.control.AuthenticationScheme;
import dev.restauth.authentication.control.TokenCheck;
import dev.restauth.authentication.entity.Caller;
import dev.restauth.errors.control.ApiError;
import dev.restauth.errors.entity.ErrorBody;
import dev.restauth.platform.control.OutcomeCounter;
import dev.restauth.users.control.UserStatusCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.cdi.PrincipalProducer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * SimpleJWT's JWTAuthentication: an access token verified, then its user checked against the
 * cached status (exists, active, token not below the watermark), with SimpleJWT's answers when
 * something is wrong. Resources see the token through {@code @Inject JsonWebToken}.
 */
@ApplicationScoped
public class BearerScheme implements AuthenticationScheme {

    static final ErrorBody BAD_HEADER =
            new ErrorBody("Authorization header must contain two space-delimited values", "bad_authorization_header");
    static final ErrorBody NO_USER_ID =
            new ErrorBody("Token contained no recognizable user identification", TokenErrors.TOKEN_NOT_VALID);
    static final ErrorBody USER_NOT_FOUND = new ErrorBody("User not found", "user_not_found");
    static final ErrorBody USER_INACTIVE = new ErrorBody("User is inactive", "user_inactive");

    @Inject
    TokenCodec codec;

    @Inject
    UserStatusCache users;

    @Inject
    LegacyTokenExchange legacy;

    @Inject
    PrincipalProducer jsonWebTokens;

    @Inject
    Audit audit;

    @Inject
    MeterRegistry meters;

    private OutcomeCounter<TokenCheck> checks = OutcomeCounter.none();

    @PostConstruct
    void registerMeters() {
        checks = TokenCheck.counter(meters, "bearer");
    }

    @Override
    public String name() {
        return "Bearer";
    }

    @Override
    public String challenge() {
        return TokenErrors.CHALLENGE;
    }

    @Override
    public Caller authenticate(List<String> credentials) {
        if (credentials.size() != 1) {
            throw refused(BAD_HEADER, TokenCheck.INVALID);
        }
        JsonWebToken token;
        try {
            token = codec.verify(credentials.get(0), TokenCodec.ACCESS);
        } catch (TokenCodec.Rejected rejected) {
            Optional<LegacyTokens.Verified> old = legacy.verify(credentials.get(0), TokenCodec.ACCESS);
            if (old.isPresent()) {
                return legacyCaller(old.get());
            }
            throw refused(
                    TokenErrors.notValidForAnyTokenType(rejected.getMessage()),
                    TokenCodec.EXPIRED.equals(rejected.getMessage()) ? TokenCheck.EXPIRED : TokenCheck.INVALID);
        }
        long userId = Claims.userId(token);
        if (userId < 0) {
            throw refused(NO_USER_ID, TokenCheck.INVALID);
        }
        UserStatusCache.Status user = user(userId, Instant.ofEpochSecond(token.getIssuedAtTime()));
        // SmallRye's own producer answers @Inject JsonWebToken; it wins over any of ours.
        jsonWebTokens.setJsonWebToken(token);
        checks.count(TokenCheck.ACCEPTED);
        return Caller.of(user.username(), user.roles());
    }

    /** An access token of the service we replace (the Django cutover): the same user rules. */
    private Caller legacyCaller(LegacyTokens.Verified token) {
        UserStatusCache.Status user = user(token.userId(), token.issuedAt());
        jsonWebTokens.setJsonWebToken(token.jwt());
        checks.count(TokenCheck.ACCEPTED);
        legacy.accepted(token, user.username());
        return Caller.of(user.username(), user.roles());
    }

    /** The token's user: exists, is active, and has not revoked tokens issued when this one was. */
    private UserStatusCache.Status user(long userId, Instant issuedAt) {
        Optional<UserStatusCache.Status> found = users.status(userId);
        if (found.isEmpty()) {
            throw refused(USER_NOT_FOUND, TokenCheck.INACTIVE);
        }
        UserStatusCache.Status user = found.get();
        if (!user.active()) {
            throw refused(USER_INACTIVE, TokenCheck.INACTIVE);
        }
        if (user.revoked(issuedAt)) {
            throw refused(TokenErrors.notValidForAnyTokenType(TokenErrors.BLACKLISTED), TokenCheck.REVOKED);
        }
        return user;
    }

    private ApiError refused(ErrorBody body, TokenCheck outcome) {
        checks.count(outcome);
        audit.record(Type.TOKEN_REJECTED, null, "Bearer: " + body.detail());
        return ApiError.unauthorized(body, TokenErrors.CHALLENGE);
    }
}
