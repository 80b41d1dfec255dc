/**
 * Browser sessions: the JWT pair in cookies for the console and any single-page app on this
 * origin, DRF's SessionAuthentication without server-side sessions (dj-rest-auth's JWT cookie mode
 * is the precedent). Sign-in, refresh and sign-out reuse the jwt component's rules (throttling,
 * rotation, reuse detection, blacklisting); {@link dev.restauth.sessions.control.SessionScheme}
 * plugs the access cookie into the one mechanism, for requests without an Authorization header
 * only; {@link dev.restauth.sessions.control.Csrf} is Django's double-submit check, which every
 * cookie-authenticated unsafe request must pass. Why the cookies are set as they are, and why
 * sign-in needs the CSRF token too: docs/console.md.
 */
package dev.restauth.sessions;
