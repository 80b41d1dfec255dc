package dev.restauth.jwt.control;

import dev.restauth.audit.control.Audit;
import dev.restauth.audit.entity.AuditEvent.Type;
import dev.restauth.jwt.entity.RefreshRequest;
import dev.restauth.jwt.entity.RefreshToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * SimpleJWT's logout ({@code POST /api/token/blacklist/}): a refresh token ends, and with it its
 * whole family. A token rotated before that comes back here is a replay like one that comes back
 * to be refreshed ({@link RefreshReuse}).
 */
@ApplicationScoped
public class TokenBlacklist {

    @Inject
    TokenChecks checks;

    @Inject
    RefreshTokenStore refreshTokens;

    @Inject
    RefreshReuse reuse;

    @Inject
    JwtSettings settings;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    /**
     * Logout: the refresh token, and the session it belongs to, are dead. SimpleJWT answers a
     * token it blacklisted at rotation with "Token is blacklisted"; so do we, and revoke its family.
     */
    public void blacklist(RefreshRequest request) {
        JsonWebToken presented = checks.verified("refresh", request.refresh(), TokenCodec.REFRESH);
        RefreshToken row = checks.row(presented);
        Instant now = clock.instant();
        if (!refreshTokens.blacklist(presented.getTokenID(), now)) {
            // Within the reuse interval the token was rotated by the client itself (another tab, a
            // refresh whose answer was lost): a logout, not a replay. The session ends either way.
            boolean retry = refreshTokens
                    .find(presented.getTokenID())
                    .filter(current -> current.rotatedSince(now.minus(settings.refreshReuseInterval())))
                    .isPresent();
            if (settings.refreshReuseInterval().isZero() || !retry) {
                reuse.reused(presented.getTokenID(), Claims.text(presented, "username"), now);
                throw TokenErrors.tokenNotValid(TokenErrors.BLACKLISTED);
            }
        }
        refreshTokens.revokeFamily(row.familyId(), now);
        reuse.count(RefreshReuse.RefreshOutcome.BLACKLISTED);
        audit.record(
                Type.TOKEN_REVOKED,
                null,
                "refresh family " + row.familyId() + " of user id " + row.userId() + " blacklisted");
    }
}
