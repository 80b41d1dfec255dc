package dev.restauth.authentication.boundary;

import dev.restauth.apitokens.control.TokenAuthentication;
import dev.restauth.audit.control.Audit;
import dev.restauth.audit.entity.AuditEvent.Type;
import dev.restauth.authentication.control.AuthorizationHeader;
import dev.restauth.authentication.control.BasicCredentials;
import dev.restauth.authentication.control.Schemes;
import dev.restauth.authentication.entity.AuthenticationFailure;
import dev.restauth.authentication.entity.Roles;
import dev.restauth.errors.control.ApiError;
import dev.restauth.errors.control.DefaultMessages;
import dev.restauth.errors.entity.PendingError;
import dev.restauth.jwt.control.BearerAuthentication;
import dev.restauth.platform.control.DatabaseFailures;
import io.smallrye.jwt.auth.cdi.PrincipalProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.Principal;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The only authentication mechanism: reads the Authorization header and dispatches on its scheme.
 * It decides nothing about access; it says who the caller is, or records why it cannot.
 */
@ApplicationScoped
public class AuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = System.getLogger(AuthenticationMechanism.class.getName());
    private static final String AUTH_TYPE_KEY = "jakarta.servlet.http.authType";
    private static final String AUTH_TYPE = "RESTAUTH";

    @Inject
    Schemes schemes;

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    BearerAuthentication bearerTokens;

    @Inject
    TokenAuthentication apiTokens;

    @Inject
    PrincipalProducer jsonWebTokens;

    @Inject
    Audit audit;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        // Liberty's audit code decodes any "Basic " header itself when the auth type is BASIC, and
        // fails with a NullPointerException (500) on one that is not base64 or has no colon. Naming
        // our own auth type keeps it out of the header, which only this mechanism reads.
        context.getMessageInfo().getMap().put(AUTH_TYPE_KEY, AUTH_TYPE);
        Optional<AuthorizationHeader> header = AuthorizationHeader.parse(request.getHeader("Authorization"));
        try {
            if (header.isPresent() && header.get().hasScheme(Schemes.BEARER) && schemes.isEnabled(Schemes.BEARER)) {
                return bearer(header.get(), request, response, context);
            }
            if (header.isPresent() && header.get().hasScheme(Schemes.TOKEN) && schemes.isEnabled(Schemes.TOKEN)) {
                return token(header.get(), request, response, context);
            }
            if (header.isPresent() && header.get().hasScheme(Schemes.BASIC) && schemes.isEnabled(Schemes.BASIC)) {
                return basic(header.get(), request, response, context);
            }
            return noCredentials(request, response, context);
        } catch (RuntimeException failure) {
            Optional<ApiError> refused = ApiError.in(failure);
            if (refused.isPresent()) {
                // Throttled (429) or every password-check slot busy (503): DRF's body and headers.
                ApiError error = refused.get();
                return fail(
                        new AuthenticationFailure(error.status(), error.body(), error.headers()),
                        request,
                        response,
                        context);
            }
            RuntimeException unavailable = failure;
            // Never let a failure to check credentials pass as "anonymous" or surface as Liberty's
            // bare 403: the caller's credentials may be fine, so this is the server's fault.
            if (DatabaseFailures.isUnavailable(unavailable)) {
                LOG.log(Level.WARNING, "PostgreSQL is unreachable; answering 503: {0}", unavailable.getMessage());
            } else {
                LOG.log(Level.ERROR, "Could not check the request's credentials", unavailable);
            }
            return fail(
                    AuthenticationFailure.unavailable(DefaultMessages.forStatus(503, null, null)),
                    request,
                    response,
                    context);
        }
    }

    private AuthenticationStatus bearer(
            AuthorizationHeader header,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpMessageContext context) {
        BearerAuthentication.Outcome outcome = bearerTokens.authenticate(header.credentials());
        if (outcome.failure() != null) {
            audit.record(
                    Type.TOKEN_REJECTED, null, "Bearer: " + outcome.failure().detail());
            return fail(
                    AuthenticationFailure.unauthorized(outcome.failure(), schemes.challengeOf(Schemes.BEARER)),
                    request,
                    response,
                    context);
        }
        // SmallRye's own producer answers @Inject JsonWebToken; it wins over any of ours.
        jsonWebTokens.setJsonWebToken(outcome.token());
        return login(new CallerPrincipal(outcome.username()), outcome.roles(), context);
    }

    private AuthenticationStatus token(
            AuthorizationHeader header,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpMessageContext context) {
        TokenAuthentication.Outcome outcome = apiTokens.authenticate(header.credentials());
        if (outcome.failure() != null) {
            audit.record(Type.TOKEN_REJECTED, null, "Token: " + outcome.failure());
            return fail(
                    AuthenticationFailure.unauthorized(outcome.failure(), schemes.challengeOf(Schemes.TOKEN)),
                    request,
                    response,
                    context);
        }
        request.setAttribute(TokenAuthentication.TOKEN_ID, outcome.tokenId());
        return login(new CallerPrincipal(outcome.username()), outcome.roles(), context);
    }

    private AuthenticationStatus basic(
            AuthorizationHeader header,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpMessageContext context) {
        BasicCredentials.Decoded decoded = BasicCredentials.decode(header);
        if (decoded.failure() != null) {
            return fail(
                    AuthenticationFailure.unauthorized(decoded.failure(), BasicCredentials.CHALLENGE),
                    request,
                    response,
                    context);
        }
        CredentialValidationResult result = identityStores.validate(new UsernamePasswordCredential(
                decoded.credentials().username(),
                new Password(decoded.credentials().password())));
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            return login(result.getCallerPrincipal(), result.getCallerGroups(), context);
        }
        return fail(
                AuthenticationFailure.unauthorized(BasicCredentials.INVALID, BasicCredentials.CHALLENGE),
                request,
                response,
                context);
    }

    private static AuthenticationStatus login(Principal caller, Set<String> roles, HttpMessageContext context) {
        Set<String> granted = new HashSet<>(roles);
        granted.add(Roles.AUTHENTICATED);
        return context.notifyContainerAboutLogin(caller, granted);
    }

    private AuthenticationStatus noCredentials(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (!context.isProtected()) {
            return context.doNothing();
        }
        return respond(
                AuthenticationFailure.unauthorized(DefaultMessages.NOT_AUTHENTICATED, schemes.challenge()),
                request,
                response);
    }

    /**
     * Where authentication is required the failure is answered now; elsewhere Liberty would serve
     * the request anonymously whatever we answer, so the failure waits on the request for {@link
     * AuthenticationFailureFilter}.
     */
    private AuthenticationStatus fail(
            AuthenticationFailure failure,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpMessageContext context) {
        request.setAttribute(PendingError.ATTRIBUTE, failure);
        return context.isProtected() ? respond(failure, request, response) : context.doNothing();
    }

    /**
     * Writes the failure as JSON without committing the response: Liberty sets the status once more
     * after a SEND_FAILURE, which would log a warning on every 401 if the response were committed.
     */
    private static AuthenticationStatus respond(
            AuthenticationFailure failure, HttpServletRequest request, HttpServletResponse response) {
        request.setAttribute(PendingError.ATTRIBUTE, failure);
        response.setStatus(failure.status());
        failure.headers().forEach(response::setHeader);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        try {
            response.getWriter().write(failure.body().toJson());
        } catch (IOException clientGone) {
            LOG.log(Level.DEBUG, "Could not send the authentication failure", clientGone);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
