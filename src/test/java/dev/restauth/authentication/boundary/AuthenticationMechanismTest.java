package dev.restauth.authentication.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.restauth.authentication.control.FakeScheme;
import dev.restauth.authentication.entity.Caller;
import dev.restauth.errors.control.ApiError;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.Principal;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

/** The mechanism only dispatches: which scheme runs, and DRF's 401 rules; the container is mocked. */
class AuthenticationMechanismTest {

    static final Set<String> ROLES = Set.of("staff", "authenticated");

    AuthenticationMechanism cut;
    HttpServletRequest request;
    HttpServletResponse response;
    HttpMessageContext context;
    Map<String, Object> attributes;
    StringWriter written;

    /** Bearer knows "good"; Token is on but refuses everything; Basic exists but is not enabled. */
    @BeforeEach
    void wire() throws Exception {
        FakeScheme bearer = new FakeScheme("Bearer", "Bearer realm=\"api\"", parts -> {
            if (!parts.equals(List.of("good"))) {
                throw ApiError.unauthorized("Given token not valid for any token type", "Bearer realm=\"api\"");
            }
            return new Caller("alice", ROLES, Map.of("token", "good"));
        });
        FakeScheme token = new FakeScheme("Token", "Token", parts -> {
            throw ApiError.unauthorized("Invalid token.", "Token");
        });
        FakeScheme basic = new FakeScheme("Basic", "Basic realm=\"api\"", parts -> Caller.of("bob", ROLES));
        cut = new AuthenticationMechanism();
        cut.schemes = FakeScheme.enabled(List.of("Bearer", "Token"), bearer, token, basic);

        attributes = new HashMap<>();
        request = mock(HttpServletRequest.class);
        org.mockito.Mockito.doAnswer(set -> attributes.put(set.getArgument(0), set.getArgument(1)))
                .when(request)
                .setAttribute(any(), any());
        response = mock(HttpServletResponse.class);
        written = new StringWriter();
        when(response.getWriter()).thenReturn(new PrintWriter(written));
        context = mock(HttpMessageContext.class);
        MessageInfo messageInfo = mock(MessageInfo.class);
        when(messageInfo.getMap()).thenReturn(new HashMap<>());
        when(context.getMessageInfo()).thenReturn(messageInfo);
        when(context.doNothing()).thenReturn(AuthenticationStatus.NOT_DONE);
        when(context.notifyContainerAboutLogin(any(Principal.class), any())).thenReturn(AuthenticationStatus.SUCCESS);
    }

    AuthenticationStatus call(String authorization, boolean isProtected) {
        when(request.getHeader("Authorization")).thenReturn(authorization);
        when(context.isProtected()).thenReturn(isProtected);
        return cut.validateRequest(request, response, context);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer good", "bearer good", "BEARER  good "})
    void theNamedSchemeAuthenticatesAndTheContainerLearnsTheCaller(String authorization) {
        assertEquals(AuthenticationStatus.SUCCESS, call(authorization, false));
        ArgumentCaptor<Principal> principal = ArgumentCaptor.forClass(Principal.class);
        verify(context).notifyContainerAboutLogin(principal.capture(), eq(ROLES));
        assertEquals("alice", principal.getValue().getName());
        assertEquals("good", attributes.get("token"), "the scheme's request attributes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Digest abc", "Basic Ym9iOnB3"})
    void noHeaderAnUnknownOrADisabledSchemeIsNoCredentials(String authorization) {
        assertEquals(AuthenticationStatus.NOT_DONE, call(authorization.isEmpty() ? null : authorization, false));
        verify(context, never()).notifyContainerAboutLogin(any(Principal.class), any());
        assertNull(attributes.get(ApiError.PENDING));
    }

    @Test
    void noCredentialsWhereRequiredIs401WithTheFirstSchemesChallenge() {
        assertEquals(AuthenticationStatus.SEND_FAILURE, call(null, true));
        verify(response).setHeader("WWW-Authenticate", "Bearer realm=\"api\"");
        assertEquals("{\"detail\":\"Authentication credentials were not provided.\"}", written.toString());
    }

    @Test
    void aFailureOnAPublicResourceWaitsOnTheRequestForTheFilter() {
        assertEquals(AuthenticationStatus.NOT_DONE, call("Token 123", false));
        ApiError pending = (ApiError) attributes.get(ApiError.PENDING);
        assertEquals(401, pending.status());
        assertEquals("Token", pending.headers().get("WWW-Authenticate"));
        assertEquals("", written.toString(), "nothing written yet");
    }

    @Test
    void aFailureWhereRequiredIsAnsweredAtOnce() {
        assertEquals(AuthenticationStatus.SEND_FAILURE, call("Bearer bad", true));
        verify(response).setHeader("WWW-Authenticate", "Bearer realm=\"api\"");
        verify(response).setStatus(401);
        assertEquals("{\"detail\":\"Given token not valid for any token type\"}", written.toString());
        assertEquals(401, ((ApiError) attributes.get(ApiError.PENDING)).status(), "left for the error page too");
    }

    @Test
    void anUnreachableDatabaseIs503NeverAnonymous() {
        cut.schemes = FakeScheme.enabled(List.of("Bearer"), new FakeScheme("Bearer", "Bearer", parts -> {
            throw new IllegalStateException(new SQLException("refused", "08001"));
        }));
        assertEquals(AuthenticationStatus.NOT_DONE, call("Bearer x", false));
        ApiError pending = (ApiError) attributes.get(ApiError.PENDING);
        assertEquals(503, pending.status());
        assertEquals("5", pending.headers().get("Retry-After"));
    }

    @Test
    void anyOtherFailureIsALogged500NeverAnonymous() {
        cut.schemes = FakeScheme.enabled(List.of("Bearer"), new FakeScheme("Bearer", "Bearer", parts -> {
            throw new NullPointerException("a bug");
        }));
        assertEquals(AuthenticationStatus.SEND_FAILURE, call("Bearer x", true));
        assertEquals(500, ((ApiError) attributes.get(ApiError.PENDING)).status());
        assertEquals("{\"detail\":\"A server error occurred.\"}", written.toString());
    }
}
