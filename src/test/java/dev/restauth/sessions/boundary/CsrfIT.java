package dev.restauth.sessions.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.testsupport.CookieSession;
import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.TestUsers;
import dev.restauth.testsupport.TestUsers.Credentials;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Django's CSRF check on cookie-authenticated requests, with the DRF reference's words (DRF 3.14,
 * Django 3.2), and its limits: safe methods, and clients that send an Authorization header, are
 * never asked for a token.
 */
class CsrfIT {

    static final String NO_COOKIE = "CSRF Failed: CSRF cookie not set.";
    static final String BAD_TOKEN = "CSRF Failed: CSRF token missing or incorrect.";

    /** How the unsafe request gets (or fails to get) its CSRF token; what the server answers. */
    @ParameterizedTest(name = "{0} {1}, {2}: {3}")
    @CsvSource({
        "POST,   /api/auth-tokens/,       no cookie,    403",
        "POST,   /api/auth-tokens/,       no header,    403",
        "POST,   /api/auth-tokens/,       wrong header, 403",
        "POST,   /api/auth-tokens/,       malformed,    403",
        "POST,   /api/auth-tokens/,       matching,     201",
        "POST,   /api/token/logout-all/,  no header,    403",
        "POST,   /api/users/me/password/, no header,    403",
        "DELETE, /api/auth-tokens/0/,     no header,    403",
        "DELETE, /api/auth-tokens/0/,     wrong header, 403",
        "DELETE, /api/auth-tokens/0/,     matching,     404",
    })
    void unsafeRequestsAuthenticatedByCookieMustEchoTheCsrfCookie(String method, String path, String csrf, int status) {
        CookieSession browser = CookieSession.signIn(TestUsers.create());
        String token = browser.cookie("csrftoken");
        String[] header =
                switch (csrf) {
                    case "no cookie" -> new String[] {"X-CSRFToken", token};
                    case "wrong header" -> new String[] {"X-CSRFToken", "x".repeat(32)};
                    case "malformed" -> new String[] {"X-CSRFToken", token + "<"};
                    default -> new String[0];
                };
        if (csrf.equals("no cookie")) {
            browser.without("csrftoken");
        }
        String body = method.equals("POST") ? "{\"name\":\"x\"}" : null;

        HttpResponse<String> response = browser.send(method, path, body, csrf.equals("matching"), header);

        assertEquals(status, response.statusCode(), response.body());
        if (status == 403) {
            Http.assertJsonError(response, 403, csrf.equals("no cookie") ? NO_COOKIE : BAD_TOKEN);
        }
    }

    @Test
    void anAdminsPatchNeedsItToo() {
        Credentials someone = TestUsers.create();
        CookieSession admin = CookieSession.signIn(TestUsers.create("admin"));
        String path = "/api/users/" + someone.username() + "/";
        Http.assertJsonError(admin.send("PATCH", path, "{\"roles\":[\"x\"]}", false), 403, BAD_TOKEN);
        assertEquals(200, admin.send("PATCH", path, "{\"roles\":[\"x\"]}", true).statusCode());
    }

    @ParameterizedTest
    @CsvSource({"GET, /api/users/me/", "GET, /api/auth-tokens/", "HEAD, /api/users/me/"})
    void safeMethodsNeedNoToken(String method, String path) {
        CookieSession browser = CookieSession.signIn(TestUsers.create()).without("csrftoken");
        HttpResponse<String> response = browser.send(method, path, null, false);
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void signInItselfNeedsTheTokenAgainstLoginCsrf() {
        Credentials user = TestUsers.create();
        String credentials = CookieSession.credentials(user);
        Http.assertJsonError(Http.send("POST", "/api/session/", "application/json", credentials), 403, NO_COOKIE);
        CookieSession browser = new CookieSession();
        browser.send("GET", "/api/session/", null, false);
        Http.assertJsonError(browser.send("POST", "/api/session/", credentials, false), 403, BAD_TOKEN);
        assertEquals(
                200, browser.send("POST", "/api/session/", credentials, true).statusCode());
    }

    @Test
    void refreshAndSignOutNeedTheTokenToo() {
        CookieSession browser = CookieSession.signIn(TestUsers.create());
        Http.assertJsonError(browser.send("POST", "/api/session/refresh/", null, false), 403, BAD_TOKEN);
        Http.assertJsonError(browser.send("DELETE", "/api/session/refresh/", null, false), 403, BAD_TOKEN);
        assertEquals(200, browser.send("GET", "/api/users/me/", null, false).statusCode(), "still signed in");
    }

    @Test
    void headerClientsAreNeverAskedForCsrfAndTheirHeaderWins() {
        Credentials cookieUser = TestUsers.create();
        Credentials headerUser = TestUsers.create();
        CookieSession browser = CookieSession.signIn(cookieUser);
        String bearer = "Bearer " + TestUsers.login(headerUser).access();

        // Unsafe, cookies present, no CSRF token: the header authenticates, the cookies are ignored.
        HttpResponse<String> created =
                browser.send("POST", "/api/auth-tokens/", "{\"name\":\"ci\"}", false, "Authorization", bearer);
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> mine = browser.send("GET", "/api/users/me/", null, false, "Authorization", bearer);
        assertEquals(headerUser.username(), Http.json(mine).getString("username"));

        // A bad header is that scheme's 401, never rescued by a good cookie.
        HttpResponse<String> bad =
                browser.send("GET", "/api/users/me/", null, false, "Authorization", "Token not-a-key");
        Http.assertJsonError(bad, 401, "Invalid token.");
        HttpResponse<String> basic = browser.send(
                "POST", "/api/auth-tokens/", "{\"name\":\"b\"}", false, "Authorization", headerUser.basic());
        assertEquals(201, basic.statusCode(), basic.body());
    }
}
