package dev.restauth.authentication.boundary;

import dev.restauth.authentication.control.AuthorizationHeader;
import dev.restauth.errors.boundary.ErrorWriter;
import dev.restauth.errors.control.ApiError;
import dev.restauth.errors.control.DefaultMessages;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;

/**
 * Where the matched resource's rules meet the mechanism's outcome. It runs after matching (an
 * unknown path stays a 404) and before Liberty's own {@code @RolesAllowed} check:
 *
 * <ul>
 *   <li>bad credentials are a 401 even on public resources, as in DRF, except on the login
 *       endpoints ({@link IgnoresCredentials});
 *   <li>on a resource narrowed by {@link AuthenticatedBy}, credentials of another scheme are none:
 *       their failure is dropped, a public resource sees an anonymous caller, a protected one
 *       answers 401 "not provided" with its own first scheme's challenge.
 * </ul>
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    @Context
    HttpServletRequest request;

    @Context
    ResourceInfo resource;

    @Inject
    ResourceRules resourceRules;

    @Override
    public void filter(ContainerRequestContext context) {
        ResourceRules.Rules rules = resourceRules.of(resource);
        if (rules.ignoresCredentials()) {
            request.removeAttribute(ApiError.PENDING);
            return;
        }
        if (rules.schemes() != null && !rules.accepts(schemeOf(request.getHeader("Authorization")))) {
            request.removeAttribute(ApiError.PENDING);
            if (rules.requiresAuthentication()) {
                context.abortWith(ErrorWriter.response(ApiError.unauthorized(
                        DefaultMessages.NOT_AUTHENTICATED,
                        rules.schemes().get(0).challenge())));
            } else {
                context.setSecurityContext(new Anonymous(context.getSecurityContext()));
            }
            return;
        }
        if (request.getAttribute(ApiError.PENDING) instanceof ApiError failure) {
            context.abortWith(ErrorWriter.response(failure));
        }
    }

    private static String schemeOf(String authorization) {
        return AuthorizationHeader.parse(authorization)
                .map(AuthorizationHeader::scheme)
                .orElse(null);
    }

    /** The request as the resource sees it when the credentials it came with do not count there. */
    private record Anonymous(SecurityContext original) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return null;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return original.isSecure();
        }

        @Override
        public String getAuthenticationScheme() {
            return null;
        }
    }
}
