package dev.restauth.jwt.control;

import dev.restauth.errors.entity.ErrorBody;
import dev.restauth.users.control.UserStatusCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who an access token belongs to, for the mechanism: the token verified, then its user checked
 * against the cached status (exists, active, token not below the watermark), with SimpleJWT's
 * JWTAuthentication answers when something is wrong.
 */
@ApplicationScoped
public class BearerAuthentication {

    /** Either a caller (name, current roles, the token) or a failure body. */
    public record Outcome(String username, Set<String> roles, JsonWebToken token, ErrorBody failure) {
        static Outcome failed(ErrorBody failure) {
            return new Outcome(null, null, null, failure);
        }
    }

    static final ErrorBody BAD_HEADER =
            new ErrorBody("Authorization header must contain two space-delimited values", "bad_authorization_header");
    static final ErrorBody USER_NOT_FOUND = new ErrorBody("User not found", "user_not_found");
    static final ErrorBody USER_INACTIVE = new ErrorBody("User is inactive", "user_inactive");

    @Inject
    TokenCodec codec;

    @Inject
    UserStatusCache users;

    /** @param credentials what followed the scheme in the Authorization header */
    public Outcome authenticate(List<String> credentials) {
        if (credentials.size() != 1) {
            return Outcome.failed(BAD_HEADER);
        }
        JsonWebToken token;
        try {
            token = codec.verify(credentials.get(0), TokenCodec.ACCESS);
        } catch (TokenCodec.Rejected rejected) {
            return Outcome.failed(TokenErrors.notValidForAnyTokenType(rejected.getMessage()));
        }
        long userId;
        try {
            userId = Long.parseLong(TokenCodec.text(token, "user_id"));
        } catch (NumberFormatException noUser) {
            return Outcome.failed(
                    new ErrorBody("Token contained no recognizable user identification", TokenErrors.TOKEN_NOT_VALID));
        }
        Optional<UserStatusCache.Status> user = users.status(userId);
        if (user.isEmpty()) {
            return Outcome.failed(USER_NOT_FOUND);
        }
        if (!user.get().active()) {
            return Outcome.failed(USER_INACTIVE);
        }
        if (user.get().revoked(Instant.ofEpochSecond(token.getIssuedAtTime()))) {
            return Outcome.failed(TokenErrors.notValidForAnyTokenType(TokenErrors.BLACKLISTED));
        }
        return new Outcome(user.get().username(), user.get().roles(), token, null);
    }
}
