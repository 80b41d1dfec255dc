package dev.restauth.authentication.boundary;

import dev.restauth.errors.entity.PendingError;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * DRF refuses bad credentials even on public resources, where Liberty would serve the request
 * anonymously: this filter answers the failure the mechanism recorded, unless the matched
 * resource is a login endpoint. It runs after matching, so an unknown path stays a 404.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFailureFilter implements ContainerRequestFilter {

    @Context
    HttpServletRequest request;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext context) {
        if (!(request.getAttribute(PendingError.ATTRIBUTE) instanceof PendingError failure) || ignoresCredentials()) {
            return;
        }
        Response.ResponseBuilder response =
                Response.status(failure.status()).entity(failure.body()).type(MediaType.APPLICATION_JSON_TYPE);
        failure.headers().forEach(response::header);
        context.abortWith(response.build());
    }

    private boolean ignoresCredentials() {
        return resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(IgnoresCredentials.class)
                        || resource.getResourceClass().isAnnotationPresent(IgnoresCredentials.class));
    }
}
