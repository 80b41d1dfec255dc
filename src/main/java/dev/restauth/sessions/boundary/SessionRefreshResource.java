package dev.restauth.sessions.boundary;

import dev.restauth.authentication.boundary.IgnoresCredentials;
import dev.restauth.errors.boundary.ErrorWriter;
import dev.restauth.errors.control.ApiError;
import dev.restauth.errors.entity.ErrorBody;
import dev.restauth.jwt.control.TokenErrors;
import dev.restauth.jwt.control.Tokens;
import dev.restauth.jwt.entity.RefreshRequest;
import dev.restauth.jwt.entity.TokenPair;
import dev.restauth.platform.boundary.NoStore;
import dev.restauth.sessions.control.Csrf;
import dev.restauth.sessions.control.SessionCookies;
import dev.restauth.sessions.entity.SignedIn;
import dev.restauth.sessions.entity.SignedOut;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The signed-in half of {@link SessionResource}'s browser sessions, on the path the refresh
 * cookie alone is sent to ({@value SessionCookies#REFRESH_PATH}): a new access cookie for the
 * refresh cookie, and signing out. Both ignore the Authorization header and want the CSRF double
 * submit; a session found dead has its cookies cleared, so the browser stops sending them.
 */
@Path("api/session/refresh/")
@PermitAll
@IgnoresCredentials
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions")
public class SessionRefreshResource {

    /** dj-rest-auth's answer to a refresh without its cookie. */
    static final ApiError NO_REFRESH_COOKIE = ApiError.unauthorized(
            new ErrorBody("No valid refresh token found.", "token_not_valid"), TokenErrors.CHALLENGE);

    @Inject
    Tokens tokens;

    @Inject
    Csrf csrf;

    @Inject
    SessionCookies cookies;

    @POST
    @Operation(
            summary = "A new access cookie for the refresh cookie",
            description = "`POST /api/token/refresh/` from the `restauth_refresh` cookie, rotation included;"
                    + " a dead session's cookies are cleared.")
    @APIResponse(
            responseCode = "200",
            description = "The new expirations (`refresh_expiration` only when the refresh token rotated)",
            content = @Content(schema = @Schema(implementation = SignedIn.class)))
    @APIResponse(
            responseCode = "401",
            description = "No refresh cookie, or one that is invalid, expired, blacklisted or reused",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "403", ref = "CsrfFailed")
    @APIResponse(responseCode = "503", ref = "Unavailable")
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
        Response.ResponseBuilder answer = NoStore.ok(cookies.signedIn(null, pair.refresh() != null));
        cookies.pair(pair.access(), pair.refresh()).forEach(cookie -> answer.header("Set-Cookie", cookie));
        return answer.build();
    }

    /** Signs out whatever state the session is in: the cookies are cleared in any case. */
    @DELETE
    @Operation(
            summary = "Sign out: the refresh token's session ends and the cookies are cleared",
            description = "Blacklists the refresh cookie's token (and its family); succeeds for a session that is"
                    + " already dead too.")
    @APIResponse(
            responseCode = "200",
            description = "Signed out",
            content = @Content(schema = @Schema(implementation = SignedOut.class)))
    @APIResponse(responseCode = "403", ref = "CsrfFailed")
    @APIResponse(responseCode = "503", ref = "Unavailable")
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
