/**
 * Audit events: who logged in or failed to, from where, which tokens were issued, refreshed,
 * revoked or rejected, which refresh token came back after rotation, whose password an admin
 * reset, who was throttled. Each is a CDI event ({@link dev.restauth.audit.entity.AuditEvent}) for
 * observers such as metrics or alerts, and one JSON line in the server log; none carries a
 * password, a key or a token. It knows no other component: they call it, so it sits low.
 */
package dev.restauth.audit;
