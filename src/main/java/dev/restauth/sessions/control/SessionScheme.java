package dev.restauth.sessions.control;

import dev.restauth.authentication.control.CookieScheme;
import dev.restauth.authentication.entity.Caller;
import dev.restauth.jwt.control.BearerScheme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;

/**
 * DRF's SessionAuthentication without server sessions: the access token in the session cookie is
 * checked exactly as a Bearer header's would be (signature, expiry, the user's status and
 * watermark, SimpleJWT's 401s), and then, as SessionAuthentication does once it knows the user,
 * Django's CSRF check for unsafe methods.
 */
@ApplicationScoped
public class SessionScheme implements CookieScheme {

    @Inject
    BearerScheme bearer;

    @Inject
    Csrf csrf;

    @Override
    public Optional<Caller> authenticate(HttpServletRequest request) {
        String access = cookie(request, SessionCookies.ACCESS);
        if (access == null || access.isEmpty()) {
            return Optional.empty();
        }
        Caller caller = bearer.authenticate(List.of(access));
        csrf.check(request.getMethod(), cookie(request, SessionCookies.CSRF), request.getHeader(Csrf.HEADER));
        return Optional.of(caller);
    }

    static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
