package dev.restauth.authentication.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.restauth.authentication.control.FakeScheme;
import dev.restauth.errors.control.ApiError;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The filter's rules on top of the mechanism's outcome; the JAX-RS request is mocked. */
class AuthenticationFilterTest {

    static class Resources {
        @RolesAllowed("authenticated")
        public void hello() {}

        @PermitAll
        @IgnoresCredentials
        public void login() {}

        @RolesAllowed("authenticated")
        @AuthenticatedBy("Token")
        public void ci() {}

        @PermitAll
        @AuthenticatedBy("Token")
        public void greeting() {}
    }

    static final ApiError BAD_BEARER = ApiError.unauthorized("Given token not valid", "Bearer realm=\"api\"");

    AuthenticationFilter cut;
    ContainerRequestContext context;
    HttpServletRequest request;
    Map<String, Object> attributes;

    @BeforeEach
    void wire() {
        FakeScheme bearer = new FakeScheme("Bearer", "Bearer realm=\"api\"", parts -> null);
        FakeScheme token = new FakeScheme("Token", "Token", parts -> null);
        cut = new AuthenticationFilter();
        cut.resourceRules = new ResourceRules();
        cut.resourceRules.enabled = FakeScheme.enabled(List.of("Bearer", "Token"), bearer, token);
        request = mock(HttpServletRequest.class);
        attributes = new HashMap<>();
        when(request.getAttribute(any())).thenAnswer(get -> attributes.get(get.<String>getArgument(0)));
        doAnswer(remove -> attributes.remove(remove.<String>getArgument(0)))
                .when(request)
                .removeAttribute(any());
        cut.request = request;
        context = mock(ContainerRequestContext.class);
    }

    void call(String method, String authorization, ApiError pending) throws Exception {
        ResourceInfo resource = mock(ResourceInfo.class);
        doReturn(Resources.class).when(resource).getResourceClass();
        when(resource.getResourceMethod()).thenReturn(Resources.class.getMethod(method));
        cut.resource = resource;
        when(request.getHeader("Authorization")).thenReturn(authorization);
        if (pending != null) {
            attributes.put(ApiError.PENDING, pending);
        }
        cut.filter(context);
    }

    Response aborted() {
        ArgumentCaptor<Response> response = ArgumentCaptor.forClass(Response.class);
        verify(context).abortWith(response.capture());
        return response.getValue();
    }

    @Test
    void aPendingFailureIsAnsweredEvenOnAPublicResource() throws Exception {
        call("hello", "Bearer bad", BAD_BEARER);
        assertEquals(401, aborted().getStatus());
        assertEquals("Bearer realm=\"api\"", aborted().getHeaderString("WWW-Authenticate"));
    }

    @Test
    void nothingPendingNothingToDo() throws Exception {
        call("hello", "Bearer good", null);
        verify(context, never()).abortWith(any());
    }

    @Test
    void loginEndpointsIgnoreTheHeadersFailure() throws Exception {
        call("login", "Bearer bad", BAD_BEARER);
        verify(context, never()).abortWith(any());
        assertNull(attributes.get(ApiError.PENDING));
    }

    @Test
    void anotherSchemeOnANarrowedProtectedResourceIsNotProvidedWithItsChallenge() throws Exception {
        call("ci", "Bearer bad", BAD_BEARER);
        Response response = aborted();
        assertEquals(401, response.getStatus());
        assertEquals("Token", response.getHeaderString("WWW-Authenticate"));
        assertNull(attributes.get(ApiError.PENDING), "the Bearer failure does not count here");
    }

    @Test
    void noCredentialsOnANarrowedProtectedResourceGetItsChallenge() throws Exception {
        call("ci", null, null);
        assertEquals("Token", aborted().getHeaderString("WWW-Authenticate"));
    }

    @Test
    void aListedSchemesFailureIsItsOwn() throws Exception {
        ApiError badKey = ApiError.unauthorized("Invalid token.", "Token");
        call("ci", "Token nope", badKey);
        assertEquals(401, aborted().getStatus());
        assertEquals(badKey, attributes.get(ApiError.PENDING));
    }

    @Test
    void aListedSchemesCallerPassesOnToTheRoleCheck() throws Exception {
        call("ci", "token abc", null);
        verify(context, never()).abortWith(any());
        verify(context, never()).setSecurityContext(any());
    }

    @Test
    void anotherSchemeOnANarrowedPublicResourceIsServedAnonymously() throws Exception {
        SecurityContext authenticated = mock(SecurityContext.class);
        when(authenticated.getUserPrincipal()).thenReturn(mock(Principal.class));
        when(context.getSecurityContext()).thenReturn(authenticated);
        call("greeting", "Bearer good", null);
        ArgumentCaptor<SecurityContext> seen = ArgumentCaptor.forClass(SecurityContext.class);
        verify(context).setSecurityContext(seen.capture());
        assertNull(seen.getValue().getUserPrincipal());
        assertEquals(false, seen.getValue().isUserInRole("authenticated"));
        verify(context, never()).abortWith(any());
    }
}
