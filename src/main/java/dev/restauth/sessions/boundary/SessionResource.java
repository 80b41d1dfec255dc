package dev.restauth.sessions.boundary;

import dev.restauth.authentication.boundary.IgnoresCredentials;
import dev.restauth.errors.boundary.ErrorWriter;
import dev.restauth.errors.control.ApiError;
import dev.restauth.errors.entity.ErrorBody;
import dev.restauth.jwt.control.JwtSettings;
import dev.restauth.jwt.control.TokenErrors;
import dev.restauth.jwt.control.Tokens;
import dev.restauth.jwt.entity.Credentials;
import dev.restauth.jwt.entity.RefreshRequest;
import dev.restauth.jwt.entity.TokenPair;
import dev.restauth.platform.boundary.NoStore;
import dev.restauth.platform.control.ClientAddress;
import dev.restauth.sessions.control.Csrf;
import dev.restauth.sessions.control.SessionCookies;
import dev.restauth.sessions.entity.SignedIn;
import dev.restauth.sessions.entity.SignedOut;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Browser sessions: SimpleJWT's pair in cookies instead of response bodies (dj-rest-auth's JWT
 * cookie mode), for the console and any single-page app on this origin. Every endpoint ignores the
 * Authorization header, and every unsafe one wants the CSRF double submit, sign-in included: a
 * login CSRF would otherwise sign a victim's browser into the attacker's account.
 *
 * <ul>
 *   <li>{@code GET /api/session/}: sets the {@code csrftoken} cookie when missing;
 *   <li>{@code POST /api/session/}: signs in ({@code /api/token/}'s rules, throttling included)
 *       and sets the cookies; the CSRF token is rotated, as Django does at login;
 *   <li>{@code POST /api/session/refresh/}: {@code /api/token/refresh/} from the refresh cookie;
 *   <li>{@code DELETE /api/session/refresh/}: signs out: blacklists the refresh token (its whole
 *       session) and clears the cookies.
 * </ul>
 */
@Path("api/session/")
@PermitAll
@IgnoresCredentials
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    /** dj-rest-auth's answer to a refresh without its cookie. */
    static final ApiError NO_REFRESH_COOKIE = ApiError.unauthorized(
            new ErrorBody("No valid refresh token found.", "token_not_valid"), TokenErrors.CHALLENGE);

    @Inject
    Tokens tokens;

    @Inject
    Csrf csrf;

    @Inject
    SessionCookies cookies;

    @Inject
    JwtSettings jwt;

    @Inject
    Clock clock;

    @Inject
    ClientAddress clients;

    @GET
    public Response csrfCookie(@CookieParam(SessionCookies.CSRF) String csrfCookie) {
        Response.ResponseBuilder answer = NoStore.ok(Map.of());
        if (!Csrf.isWellFormed(csrfCookie)) {
            answer.header("Set-Cookie", cookies.csrf(csrf.newToken()));
        }
        return answer.build();
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    public CompletionStage<Response> signIn(
            Credentials credentials,
            @CookieParam(SessionCookies.CSRF) String csrfCookie,
            @HeaderParam(Csrf.HEADER) String csrfHeader) {
        csrf.check("POST", csrfCookie, csrfHeader);
        return tokens.obtain(credentials, clients.origin()).thenApply(pair -> {
            Instant now = clock.instant();
            Response.ResponseBuilder answer = NoStore.ok(new SignedIn(
                    credentials.username(), now.plus(jwt.accessLifetime()), now.plus(jwt.refreshLifetime())));
            cookies.pair(pair.access(), pair.refresh()).forEach(cookie -> answer.header("Set-Cookie", cookie));
            return answer.header("Set-Cookie", cookies.csrf(csrf.newToken())).build();
        });
    }

    @POST
    @Path("refresh/")
    public Response refresh(
            @CookieParam(SessionCookies.REFRESH) String refreshCookie,
            @CookieParam(SessionCookies.CSRF) String csrfCookie,
            @HeaderParam(Csrf.HEADER) String csrfHeader) {
        csrf.check("POST", csrfCookie, csrfHeader);
        TokenPair pair;
        try {
            if (refreshCookie == null || refreshCookie.isEmpty()) {
                throw NO_REFRESH_COOKIE;
            }
            pair = tokens.refresh(new RefreshRequest(refreshCookie));
        } catch (ApiError failure) {
            if (failure.status() != 401) {
                throw failure; // 503 and the like: the session may well be alive
            }
            // A dead session: the browser should forget its cookies, not send them again.
            Response.ResponseBuilder answer = Response.fromResponse(ErrorWriter.response(failure));
            cookies.cleared().forEach(cookie -> answer.header("Set-Cookie", cookie));
            return answer.build();
        }
        Instant now = clock.instant();
        Response.ResponseBuilder answer = NoStore.ok(new SignedIn(
                null, now.plus(jwt.accessLifetime()), pair.refresh() == null ? null : now.plus(jwt.refreshLifetime())));
        cookies.pair(pair.access(), pair.refresh()).forEach(cookie -> answer.header("Set-Cookie", cookie));
        return answer.build();
    }

    /** Signs out whatever state the session is in: the cookies are cleared in any case. */
    @DELETE
    @Path("refresh/")
    public Response signOut(
            @CookieParam(SessionCookies.REFRESH) String refreshCookie,
            @CookieParam(SessionCookies.CSRF) String csrfCookie,
            @HeaderParam(Csrf.HEADER) String csrfHeader) {
        csrf.check("DELETE", csrfCookie, csrfHeader);
        if (refreshCookie != null && !refreshCookie.isEmpty()) {
            try {
                tokens.blacklist(new RefreshRequest(refreshCookie));
            } catch (ApiError alreadyDead) {
                if (alreadyDead.status() != 401) {
                    throw alreadyDead; // not blacklisted: the caller must hear it and may retry
                }
            }
        }
        Response.ResponseBuilder answer = NoStore.ok(SignedOut.INSTANCE);
        cookies.cleared().forEach(cookie -> answer.header("Set-Cookie", cookie));
        return answer.build();
    }
}
