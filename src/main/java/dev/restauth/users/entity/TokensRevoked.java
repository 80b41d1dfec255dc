package dev.restauth.users.entity;

/**
 * Fired after a user's watermark was raised, so that the token components drop what they keep:
 * refresh families always; API tokens on logout-all and (configurably) on a password change, but
 * not on deactivation, where DRF answers "User inactive or deleted." and a reactivated user's
 * tokens work again.
 */
public record TokensRevoked(long userId, Reason reason) {

    public enum Reason {
        PASSWORD_CHANGED,
        DEACTIVATED,
        LOGOUT_ALL,
        REMOVED
    }
}
