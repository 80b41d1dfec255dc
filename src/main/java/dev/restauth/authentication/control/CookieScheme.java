package dev.restauth.authentication.control;

import dev.restauth.authentication.entity.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * A scheme whose credential a browser attaches by itself, in a cookie: DRF's
 * SessionAuthentication. It is asked only when the request has no Authorization header, as DRF
 * asks its header schemes first: a client that sends a header is never judged by its cookies, nor
 * asked for a CSRF token. An interface here, its implementation with the component that issues
 * the cookies, so that this component needs none of them.
 */
public interface CookieScheme {

    /**
     * The caller the request's cookies prove, or empty when it carries none of this scheme's.
     *
     * @throws dev.restauth.errors.control.ApiError why the cookies do not count: a 401 for a dead
     *     session, a 403 for a missing or wrong CSRF token on an unsafe method
     */
    Optional<Caller> authenticate(HttpServletRequest request);
}
