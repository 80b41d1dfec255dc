/**
 * SimpleJWT's access/refresh pairs, with what SimpleJWT lacks: asymmetric signatures (ES256) with a
 * {@code kid} and a published JWKS, refresh-token families rotated by one atomic compare-and-set
 * in PostgreSQL (a reused refresh token revokes its family, RFC 9700 §4.14.2), and a per-user
 * watermark ({@code tokens_valid_after}) that kills access tokens on logout-all, password change
 * and deactivation.
 *
 * <p>Bearer tokens are verified by SmallRye JWT (the MicroProfile JWT implementation) inside the
 * one authentication mechanism, because Liberty's mpJwt feature cannot share the WAR with it; see
 * docs/decisions/0001-one-mechanism-smallrye-jwt.md.
 */
package dev.restauth.jwt;
