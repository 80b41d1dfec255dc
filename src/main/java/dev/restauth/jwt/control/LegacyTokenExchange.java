package dev.restauth.jwt.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.restauth.audit.control.Audit;
import dev.restauth.audit.entity.AuditEvent.Type;
import dev.restauth.users.control.UserStore;
import dev.restauth.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * The jwt side of the cutover: asks {@link LegacyTokens} (when a bean provides it) about a token
 * our codec refused, and applies our user rules to the old service's refresh tokens before they
 * are spent. Only tokens we refused get here, so our own tokens' path costs nothing extra.
 */
@ApplicationScoped
public class LegacyTokenExchange {

    @Inject
    Instance<LegacyTokens> legacy;

    @Inject
    UserStore users;

    @Inject
    Audit audit;

    private final Cache<String, Boolean> announced = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofHours(1))
            .build();

    /**
     * Audits an accepted old access token once per token and node (an hour at most, a bounded
     * number at once), not at every request it comes with.
     */
    void accepted(LegacyTokens.Verified access, String username) {
        if (announced.asMap().putIfAbsent(access.jti(), Boolean.TRUE) == null) {
            audit.record(Type.TOKEN_REFRESHED, username, "Django SimpleJWT access token accepted (cutover)");
        }
    }

    /** The old service's token of this type, verified, if the cutover is on and it is one. */
    public Optional<LegacyTokens.Verified> verify(String token, String type) {
        return token != null && legacy.isResolvable() ? legacy.get().verify(token, type) : Optional.empty();
    }

    /**
     * The user of an old refresh token, which is spent now; empty when it is no such token (the
     * caller answers as for any invalid token). A valid one of an inactive or unknown user, issued
     * before the user's watermark, or spent before, is refused the way our own refresh refuses.
     */
    Optional<User> exchange(String token) {
        Optional<LegacyTokens.Verified> verified = verify(token, TokenCodec.REFRESH);
        if (verified.isEmpty()) {
            return Optional.empty();
        }
        LegacyTokens.Verified refresh = verified.get();
        User user = users.findById(refresh.userId())
                .filter(User::isActive)
                .orElseThrow(TokenErrors::noActiveAccountForToken);
        if (user.revoked(refresh.issuedAt()) || !legacy.get().exchange(refresh)) {
            throw TokenErrors.tokenNotValid(TokenErrors.BLACKLISTED);
        }
        audit.record(Type.TOKEN_REFRESHED, user.username(), "Django SimpleJWT refresh token exchanged (cutover)");
        return Optional.of(user);
    }
}
