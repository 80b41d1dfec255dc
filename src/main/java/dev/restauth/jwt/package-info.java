/**
 * SimpleJWT's access/refresh pairs and the Bearer scheme, with what SimpleJWT lacks: ES256 with a
 * {@code kid} and a published JWKS, refresh-token families rotated by one atomic compare-and-set
 * in PostgreSQL (a rotated token that comes back, to be refreshed or blacklisted, revokes its
 * family, RFC 9700 §4.14.2), and the users' watermark that kills access tokens on logout-all,
 * password change and deactivation.
 *
 * <p>Bearer tokens are verified by SmallRye JWT inside the one authentication mechanism, because
 * Liberty's mpJwt feature cannot share the WAR with it; verified access tokens are remembered
 * until they expire, since an ECDSA verification costs more than the rest of a request.
 *
 * <p>During a move from Django, a token our codec refuses may still be the old service's: jwt asks
 * {@code LegacyTokens}, an interface the django component implements, so that jwt never depends
 * on django and our own tokens' path is unchanged.
 */
package dev.restauth.jwt;
