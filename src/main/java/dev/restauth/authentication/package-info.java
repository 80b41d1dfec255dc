/**
 * Who is calling: the one {@link jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism},
 * which only finds the {@link dev.restauth.authentication.control.AuthenticationScheme} the
 * Authorization header names (each scheme lives with the component that owns its credential:
 * Bearer in jwt, Token in apitokens, Basic here) and DRF's rules for 401s. One mechanism because
 * Liberty's mpJwt feature cannot share a WAR with an application mechanism.
 *
 * <p>Liberty calls the mechanism before any resource is matched, so failures on public resources
 * wait on the request for {@link dev.restauth.authentication.boundary.AuthenticationFilter}, which
 * sees the matched resource: it answers them (except on login endpoints, {@link
 * dev.restauth.authentication.boundary.IgnoresCredentials}) and applies a resource's own schemes
 * ({@link dev.restauth.authentication.boundary.AuthenticatedBy}, DRF's authentication_classes).
 */
package dev.restauth.authentication;
