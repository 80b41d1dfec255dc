package dev.restauth.audit.entity;

import java.time.Instant;

/**
 * Something an operator or a SIEM wants to know about: who, from where, through which request,
 * what happened. Observe it as a CDI event to feed metrics or alerts; {@code AuditLog} writes each
 * one as a line. Never holds a password, a token or a key: only usernames, ids and reasons.
 *
 * @param username the account concerned, as given (a failed login's username may not exist)
 * @param client the client address under the trusted-proxy rule, or null outside a request
 * @param request method and path ("POST /api/token/"), or null outside a request
 * @param detail what else identifies the event (a refresh family, an API token id, a reason)
 */
public record AuditEvent(Type type, Instant at, String username, String client, String request, String detail) {

    public enum Type {
        LOGIN_SUCCEEDED(false),
        LOGIN_FAILED(false),
        LOGIN_THROTTLED(true),
        TOKEN_REJECTED(false),
        TOKEN_ISSUED(false),
        TOKEN_REFRESHED(false),
        TOKEN_REVOKED(false),
        PASSWORD_CHANGED(false),
        REFRESH_REUSE_DETECTED(true);

        private final boolean alarming;

        Type(boolean alarming) {
            this.alarming = alarming;
        }

        /** Worth a warning in the log: an attack is the likely cause. */
        public boolean alarming() {
            return alarming;
        }
    }
}
