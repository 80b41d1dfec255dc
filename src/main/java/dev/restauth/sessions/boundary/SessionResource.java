package dev.restauth.sessions.boundary;

import dev.restauth.authentication.boundary.IgnoresCredentials;
import dev.restauth.errors.boundary.ErrorWriter;
import dev.restauth.jwt.control.Tokens;
import dev.restauth.jwt.entity.Credentials;
import dev.restauth.platform.boundary.NoStore;
import dev.restauth.platform.control.ClientAddress;
import dev.restauth.sessions.control.Csrf;
import dev.restauth.sessions.control.SessionCookies;
import dev.restauth.sessions.entity.SignedIn;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
 *   <li>{@code POST /api/session/refresh/} and {@code DELETE /api/session/refresh/}: refresh and
 *       sign out, in {@link SessionRefreshResource}, the one path the refresh cookie is sent to.
 * </ul>
 */
@Path("api/session/")
@PermitAll
@IgnoresCredentials
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions")
public class SessionResource {

    @Inject
    Tokens tokens;

    @Inject
    Csrf csrf;

    @Inject
    SessionCookies cookies;

    @Inject
    ClientAddress clients;

    @GET
    @Operation(
            summary = "Get the CSRF cookie",
            description = "Sets `csrftoken` when the browser has none (or a malformed one); every unsafe"
                    + " session request echoes it in `X-CSRFToken`.")
    @APIResponse(
            responseCode = "200",
            description = "An empty object; `Set-Cookie: csrftoken=…` when it was missing",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT), example = "{}"))
    public Response csrfCookie(@CookieParam(SessionCookies.CSRF) String csrfCookie) {
        Response.ResponseBuilder answer = NoStore.ok(Map.of());
        if (!Csrf.isWellFormed(csrfCookie)) {
            answer.header("Set-Cookie", cookies.csrf(csrf.newToken()));
        }
        return answer.build();
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @Operation(
            summary = "Sign in: the JWT pair in cookies",
            description = "`POST /api/token/`'s rules (throttling included), with the pair in HttpOnly cookies"
                    + " instead of the body; the CSRF token is rotated, as Django does at login.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Credentials.class),
                            examples =
                                    @ExampleObject(
                                            name = "login",
                                            value =
                                                    "{\"username\": \"alice\", \"password\": \"correct horse battery staple\"}")))
    @APIResponse(
            responseCode = "200",
            description = "Signed in: who, and until when each cookie's token lives",
            content = @Content(schema = @Schema(implementation = SignedIn.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(
            responseCode = "401",
            description = "No active account found with the given credentials",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "403", ref = "CsrfFailed")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "429", ref = "Throttled")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public CompletionStage<Response> signIn(
            Credentials credentials,
            @CookieParam(SessionCookies.CSRF) String csrfCookie,
            @HeaderParam(Csrf.HEADER) String csrfHeader) {
        csrf.check("POST", csrfCookie, csrfHeader);
        return ErrorWriter.answering(
                tokens.obtain(credentials, clients.origin()).thenApply(pair -> {
                    Response.ResponseBuilder answer = NoStore.ok(cookies.signedIn(credentials.username(), true));
                    cookies.pair(pair.access(), pair.refresh()).forEach(cookie -> answer.header("Set-Cookie", cookie));
                    return answer.header("Set-Cookie", cookies.csrf(csrf.newToken()))
                            .build();
                }));
    }
}
