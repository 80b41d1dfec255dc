/**
 * Who is calling: one {@link jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism}
 * that reads the {@code Authorization} header and dispatches on its scheme, and DRF's rules for
 * what a failure looks like.
 *
 * <p>One mechanism for every scheme because Liberty's mpJwt feature cannot share a WAR with an
 * application mechanism (deployment fails, or Bearer requests are never seen by it). The mechanism
 * holds no crypto and no SQL: it parses the header and asks the component that owns the scheme.
 *
 * <p>DRF's semantics: no (or an unknown) scheme is "no credentials", answered with 401 only where
 * authentication is required, with the {@code WWW-Authenticate} challenge of the first configured
 * scheme; bad credentials are a 401 with that scheme's message everywhere, even on public
 * resources, except on the login endpoints ({@link
 * dev.restauth.authentication.boundary.IgnoresCredentials}); an authenticated caller without the
 * role gets 403. Liberty serves unprotected resources anonymously whatever the mechanism answers,
 * so failures are recorded on the request and {@link
 * dev.restauth.authentication.boundary.AuthenticationFailureFilter} turns them into the 401.
 */
package dev.restauth.authentication;
