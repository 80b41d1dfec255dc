package dev.restauth.apitokens.control;

import dev.restauth.users.control.UserStatusCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Who a {@code Token} key belongs to, for the mechanism, with DRF's TokenAuthentication messages. */
@ApplicationScoped
public class TokenAuthentication {

    public static final String CHALLENGE = "Token";
    /** The request attribute naming the token that authenticated the request (for logout). */
    public static final String TOKEN_ID = TokenAuthentication.class.getName() + ".tokenId";

    static final String NO_CREDENTIALS = "Invalid token header. No credentials provided.";
    static final String SPACES = "Invalid token header. Token string should not contain spaces.";
    static final String INVALID_CHARACTERS =
            "Invalid token header. Token string should not contain invalid characters.";
    static final String INVALID = "Invalid token.";
    static final String INACTIVE = "User inactive or deleted.";

    /** Either a caller or DRF's message for why not. */
    public record Outcome(String username, Set<String> roles, long tokenId, String failure) {
        static Outcome failed(String message) {
            return new Outcome(null, null, 0, message);
        }
    }

    @Inject
    ApiTokens tokens;

    @Inject
    UserStatusCache users;

    /** @param credentials what followed the scheme in the Authorization header */
    public Outcome authenticate(List<String> credentials) {
        if (credentials.isEmpty()) {
            return Outcome.failed(NO_CREDENTIALS);
        }
        if (credentials.size() > 1) {
            return Outcome.failed(SPACES);
        }
        String key = credentials.get(0);
        if (!key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return Outcome.failed(INVALID_CHARACTERS);
        }
        Optional<ApiTokens.Verified> token = tokens.authenticate(key);
        if (token.isEmpty()) {
            return Outcome.failed(INVALID);
        }
        Optional<UserStatusCache.Status> user = users.status(token.get().userId());
        if (user.isEmpty() || !user.get().active()) {
            return Outcome.failed(INACTIVE);
        }
        tokens.used(token.get());
        return new Outcome(
                user.get().username(), user.get().roles(), token.get().tokenId(), null);
    }
}
