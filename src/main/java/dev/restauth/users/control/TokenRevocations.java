package dev.restauth.users.control;

import dev.restauth.audit.control.Audit;
import dev.restauth.audit.entity.AuditEvent.Type;
import dev.restauth.platform.entity.RequestOrigin;
import dev.restauth.users.entity.TokensRevoked;
import dev.restauth.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Says that every session of a user has ended, once the user's watermark is raised: fires {@link
 * TokensRevoked}, so that the token components drop what they hold, and writes the audit line.
 * One place, so that a new way to end sessions cannot forget either.
 */
@ApplicationScoped
public class TokenRevocations {

    @Inject
    Event<TokensRevoked> tokensRevoked;

    @Inject
    Audit audit;

    void revoked(User user, TokensRevoked.Reason reason, RequestOrigin origin) {
        tokensRevoked.fire(new TokensRevoked(user.id(), reason));
        audit.record(
                Type.TOKEN_REVOKED,
                null,
                "all tokens of user id " + user.id() + ": " + reason.name().toLowerCase(Locale.ROOT),
                origin);
    }
}
