package dev.restauth.authentication.boundary;

import dev.restauth.authentication.control.AuthenticationScheme;
import dev.restauth.authentication.control.AuthorizationHeader;
import dev.restauth.authentication.control.CookieScheme;
import dev.restauth.authentication.control.Schemes;
import dev.restauth.authentication.entity.Caller;
import dev.restauth.errors.boundary.ErrorWriter;
import dev.restauth.errors.control.ApiError;
import dev.restauth.errors.control.DefaultMessages;
import dev.restauth.errors.control.Failures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * The only authentication mechanism: finds the enabled scheme the Authorization header names and
 * lets it say who the caller is. It decides nothing about access, and holds no crypto and no SQL.
 *
 * <p>Liberty calls it before any resource is matched, with {@code isProtected()} false, and once
 * more with it true when {@code @RolesAllowed} finds no caller. Where authentication is required a
 * failure is answered at once; elsewhere Liberty would serve the request anonymously whatever we
 * answer, so the failure waits on the request ({@link ApiError#PENDING}) for {@link
 * AuthenticationFilter}, which knows the resource.
 */
@ApplicationScoped
public class AuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String AUTH_TYPE_KEY = "jakarta.servlet.http.authType";
    private static final String AUTH_TYPE = "RESTAUTH";

    @Inject
    Schemes schemes;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        // Liberty's audit code decodes any "Basic " header itself when the auth type is BASIC, and
        // fails with a NullPointerException (500) on one that is not base64 or has no colon. Naming
        // our own auth type keeps it out of the header, which only this mechanism reads.
        context.getMessageInfo().getMap().put(AUTH_TYPE_KEY, AUTH_TYPE);
        String authorization = request.getHeader("Authorization");
        if (authorization == null) {
            return fromCookies(request, response, context);
        }
        AuthorizationHeader header = AuthorizationHeader.parse(authorization).orElse(null);
        AuthenticationScheme scheme = header == null ? null : schemes.enabled(header.scheme());
        if (scheme == null) {
            return noCredentials(request, response, context);
        }
        Caller caller;
        try {
            caller = scheme.authenticate(header.credentials());
        } catch (RuntimeException failure) {
            // Never let a failure to check credentials pass as "anonymous" or surface as
            // Liberty's bare 403: 401, 429, 503 or a logged 500, as anywhere else.
            return fail(Failures.answer(failure), request, response, context);
        }
        return loggedIn(caller, request, context);
    }

    /** No Authorization header: a browser's session cookie may say who it is (DRF's SessionAuthentication). */
    private AuthenticationStatus fromCookies(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        for (CookieScheme scheme : schemes.cookies()) {
            Optional<Caller> caller;
            try {
                caller = scheme.authenticate(request);
            } catch (RuntimeException failure) {
                return fail(Failures.answer(failure), request, response, context);
            }
            if (caller.isPresent()) {
                return loggedIn(caller.get(), request, context);
            }
        }
        return noCredentials(request, response, context);
    }

    private static AuthenticationStatus loggedIn(
            Caller caller, HttpServletRequest request, HttpMessageContext context) {
        if (!caller.attributes().isEmpty()) {
            caller.attributes().forEach(request::setAttribute);
        }
        return context.notifyContainerAboutLogin(new CallerPrincipal(caller.name()), caller.roles());
    }

    private AuthenticationStatus noCredentials(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (!context.isProtected()) {
            return context.doNothing();
        }
        return respond(
                ApiError.unauthorized(
                        DefaultMessages.NOT_AUTHENTICATED, schemes.first().challenge()),
                request,
                response);
    }

    private static AuthenticationStatus fail(
            ApiError failure, HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (!context.isProtected()) {
            request.setAttribute(ApiError.PENDING, failure);
            return context.doNothing();
        }
        return respond(failure, request, response);
    }

    /** Also left on the request: Liberty may send the status once more, through the error page. */
    private static AuthenticationStatus respond(
            ApiError failure, HttpServletRequest request, HttpServletResponse response) {
        request.setAttribute(ApiError.PENDING, failure);
        ErrorWriter.write(failure, response);
        return AuthenticationStatus.SEND_FAILURE;
    }
}
