package dev.restauth.sessions.boundary;

import static dev.restauth.testsupport.CookieSession.setCookie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testsupport.CookieSession;
import dev.restauth.testsupport.CookieSession.SetCookie;
import dev.restauth.testsupport.DrfAnswers;
import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.TestUsers;
import dev.restauth.testsupport.TestUsers.Credentials;
import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Browser sessions over HTTP: the cookies' flags and paths, refresh, sign-out, and the session's end. */
class SessionCookiesIT {

    @Test
    void signingInSetsStrictHttpOnlyCookiesAndNoTokenInTheBody() {
        Credentials user = TestUsers.create();
        CookieSession browser = new CookieSession();
        HttpResponse<String> first = browser.send("GET", "/api/session/", null, false);
        assertEquals(200, first.statusCode(), first.body());
        SetCookie csrf = setCookie(first, "csrftoken").orElseThrow();
        assertEquals(32, csrf.value().length());
        assertFalse(csrf.has("HttpOnly"), "the page's script must read it");

        HttpResponse<String> signedIn = browser.send("POST", "/api/session/", CookieSession.credentials(user), true);

        assertEquals(200, signedIn.statusCode(), signedIn.body());
        // Liberty adds no-transform and no-cache="set-cookie" to any answer that sets a cookie.
        String cacheControl = signedIn.headers().firstValue("Cache-Control").orElse("");
        assertTrue(List.of(cacheControl.split(",\\s*")).contains("no-store"), cacheControl);
        var body = Http.json(signedIn);
        assertEquals(user.username(), body.getString("username"));
        assertTrue(body.containsKey("access_expiration") && body.containsKey("refresh_expiration"), body.toString());
        assertFalse(signedIn.body().contains(browser.cookie("restauth_access")), "a token in the body");

        SetCookie access = setCookie(signedIn, "restauth_access").orElseThrow();
        assertEquals(
                Map.of("Path", "/", "Max-Age", "300", "Secure", "", "HttpOnly", "", "SameSite", "Strict"),
                access.attributes());
        SetCookie refresh = setCookie(signedIn, "restauth_refresh").orElseThrow();
        assertEquals(
                Map.of(
                        "Path",
                        "/api/session/refresh/",
                        "Max-Age",
                        "86400",
                        "Secure",
                        "",
                        "HttpOnly",
                        "",
                        "SameSite",
                        "Strict"),
                refresh.attributes());
        SetCookie rotated = setCookie(signedIn, "csrftoken").orElseThrow();
        assertNotEquals(csrf.value(), rotated.value(), "Django rotates the CSRF token at login");
        assertEquals("Strict", rotated.attributes().get("SameSite"));
        assertTrue(rotated.has("Secure"));
    }

    @Test
    void theAccessCookieAuthenticatesAndTheRefreshCookieTravelsOnlyToItsPath() {
        Credentials user = TestUsers.create();
        CookieSession browser = CookieSession.signIn(user);

        HttpResponse<String> me = browser.send("GET", "/api/users/me/", null, false);
        assertEquals(200, me.statusCode(), me.body());
        assertEquals(user.username(), Http.json(me).getString("username"));
        // The refresh token alone is no credential anywhere else.
        HttpResponse<String> refreshOnly =
                Http.get("/api/users/me/", "Cookie", "restauth_refresh=" + browser.cookie("restauth_refresh"));
        assertEquals(401, refreshOnly.statusCode(), refreshOnly.body());
    }

    @Test
    void refreshRotatesThePairFromTheCookieAndAReplayEndsTheSession() {
        CookieSession browser = CookieSession.signIn(TestUsers.create());
        CookieSession stolen = browser.copy();
        String firstRefresh = browser.cookie("restauth_refresh");

        HttpResponse<String> refreshed = browser.send("POST", "/api/session/refresh/", null, true);
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        assertNotEquals(firstRefresh, browser.cookie("restauth_refresh"));
        assertTrue(setCookie(refreshed, "restauth_access").isPresent());
        assertEquals(200, browser.send("GET", "/api/users/me/", null, false).statusCode());

        // The rotated token again: SimpleJWT's answer, the cookies cleared, and the family revoked.
        HttpResponse<String> replay = stolen.send("POST", "/api/session/refresh/", null, true);
        DrfAnswers.assertTokenNotValid(replay, "Token is blacklisted");
        assertEquals(
                "0",
                setCookie(replay, "restauth_refresh").orElseThrow().attributes().get("Max-Age"));
        assertEquals(
                "0",
                setCookie(replay, "restauth_access").orElseThrow().attributes().get("Max-Age"));
        assertEquals(
                401, browser.send("POST", "/api/session/refresh/", null, true).statusCode());
    }

    @Test
    void refreshWithoutTheCookieIsDjRestAuthsAnswer() {
        CookieSession browser = CookieSession.signIn(TestUsers.create()).without("restauth_refresh");
        HttpResponse<String> response = browser.send("POST", "/api/session/refresh/", null, true);
        assertEquals(401, response.statusCode(), response.body());
        assertEquals(
                Json.createObjectBuilder()
                        .add("detail", "No valid refresh token found.")
                        .add("code", "token_not_valid")
                        .build(),
                Http.json(response));
    }

    @Test
    void signingOutBlacklistsTheRefreshTokenAndClearsTheCookies() {
        CookieSession browser = CookieSession.signIn(TestUsers.create());
        String refresh = browser.cookie("restauth_refresh");

        HttpResponse<String> out = browser.send("DELETE", "/api/session/refresh/", null, true);

        assertEquals(200, out.statusCode(), out.body());
        assertEquals("{\"detail\":\"Successfully logged out.\"}", out.body());
        for (String name : new String[] {"restauth_access", "restauth_refresh"}) {
            SetCookie cleared = setCookie(out, name).orElseThrow();
            assertEquals("", cleared.value());
            assertEquals("0", cleared.attributes().get("Max-Age"));
        }
        assertNull(browser.cookie("restauth_refresh"));
        // The token itself is dead, not only forgotten: SimpleJWT's blacklist says so.
        DrfAnswers.assertTokenNotValid(
                Http.send("POST", "/api/token/refresh/", "application/json", "{\"refresh\":\"" + refresh + "\"}"),
                "Token is blacklisted");
        // Signing out twice is no error: there is nothing left to end.
        assertEquals(
                200, browser.send("DELETE", "/api/session/refresh/", null, true).statusCode());
    }

    @Test
    void wrongCredentialsAreSimpleJwtsAnswerAndSetNoCookie() {
        Credentials user = TestUsers.create();
        CookieSession browser = new CookieSession();
        browser.send("GET", "/api/session/", null, false);
        HttpResponse<String> response = browser.send(
                "POST", "/api/session/", CookieSession.credentials(new Credentials(user.username(), "wrong")), true);
        Http.assertJsonError(response, 401, "No active account found with the given credentials");
        assertTrue(setCookie(response, "restauth_access").isEmpty());
    }

    @Test
    void deactivationEndsTheSessionAtItsNextRequest() {
        Credentials user = TestUsers.create();
        CookieSession browser = CookieSession.signIn(user);
        assertEquals(200, browser.send("GET", "/api/users/me/", null, false).statusCode());

        HttpResponse<String> deactivated = TestUsers.patch(user.username(), "{\"active\":false}");
        assertEquals(200, deactivated.statusCode(), deactivated.body());

        HttpResponse<String> next = browser.send("GET", "/api/users/me/", null, false);
        assertEquals(401, next.statusCode(), next.body());
        HttpResponse<String> refresh = browser.send("POST", "/api/session/refresh/", null, true);
        assertEquals(401, refresh.statusCode(), refresh.body());
    }
}
