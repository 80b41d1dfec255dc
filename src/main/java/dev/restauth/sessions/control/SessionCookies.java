package dev.restauth.sessions.control;

import dev.restauth.jwt.control.JwtSettings;
import dev.restauth.sessions.entity.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The session's three cookies, dj-rest-auth's JWT cookie mode made strict:
 *
 * <ul>
 *   <li>{@value #ACCESS}: the access token, for every path; {@code HttpOnly}, so no script,
 *       injected or not, can read it; it lives as long as the token;
 *   <li>{@value #REFRESH}: the refresh token, sent only to {@value #REFRESH_PATH} (refresh and
 *       sign out), so that no other request carries it; {@code HttpOnly};
 *   <li>{@value #CSRF}: Django's CSRF cookie, readable by the page's script, which echoes it in
 *       {@code X-CSRFToken} (double submit).
 * </ul>
 *
 * All are {@code SameSite=Strict} (never sent with a request another site starts) and {@code
 * Secure} unless {@code session.cookie.secure=false} (plain HTTP on a host other than localhost,
 * in development: browsers treat http://localhost as secure already).
 */
@ApplicationScoped
public class SessionCookies {

    public static final String ACCESS = "restauth_access";
    public static final String REFRESH = "restauth_refresh";
    public static final String CSRF = "csrftoken";
    public static final String REFRESH_PATH = "/api/session/refresh/";

    /** Django's CSRF_COOKIE_AGE: a year, so that a page left open can still sign in again. */
    static final Duration CSRF_AGE = Duration.ofDays(364);

    @Inject
    @ConfigProperty(name = "session.cookie.secure", defaultValue = "true")
    boolean secure;

    @Inject
    JwtSettings jwt;

    @Inject
    Clock clock;

    /** Set-Cookie values for a new or refreshed pair; {@code refresh} null keeps the refresh cookie. */
    public List<String> pair(String access, String refresh) {
        String accessCookie = cookie(ACCESS, access, "/", jwt.accessLifetime(), true);
        return refresh == null
                ? List.of(accessCookie)
                : List.of(accessCookie, cookie(REFRESH, refresh, REFRESH_PATH, jwt.refreshLifetime(), true));
    }

    /**
     * The body that goes with {@link #pair}'s cookies: until when each of their tokens lives, from
     * now, as their Max-Age says; no refresh expiration when the refresh cookie is kept.
     */
    public SignedIn signedIn(String username, boolean withRefresh) {
        Instant now = clock.instant();
        return new SignedIn(
                username, now.plus(jwt.accessLifetime()), withRefresh ? now.plus(jwt.refreshLifetime()) : null);
    }

    public String csrf(String token) {
        return cookie(CSRF, token, "/", CSRF_AGE, false);
    }

    /** Set-Cookie values that make the browser forget the pair (the CSRF cookie may stay). */
    public List<String> cleared() {
        return List.of(
                cookie(ACCESS, "", "/", Duration.ZERO, true), cookie(REFRESH, "", REFRESH_PATH, Duration.ZERO, true));
    }

    private String cookie(String name, String value, String path, Duration age, boolean httpOnly) {
        StringBuilder cookie = new StringBuilder(name)
                .append('=')
                .append(value)
                .append("; Path=")
                .append(path)
                .append("; Max-Age=")
                .append(age.toSeconds());
        if (secure) {
            cookie.append("; Secure");
        }
        if (httpOnly) {
            cookie.append("; HttpOnly");
        }
        return cookie.append("; SameSite=Strict").toString();
    }
}
