package dev.restauth.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A browser's side of a cookie session, over plain HTTP: the cookies the server set, sent back
 * the way a browser would (each to its own path), and the CSRF header echoed on request.
 */
public final class CookieSession {

    /** One Set-Cookie, parsed: value and attributes (names as sent, flags with an empty value). */
    public record SetCookie(String name, String value, Map<String, String> attributes) {

        public static SetCookie parse(String header) {
            String[] parts = header.split(";");
            String[] pair = parts[0].split("=", 2);
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String[] attribute = parts[i].strip().split("=", 2);
                attributes.put(attribute[0], attribute.length > 1 ? attribute[1] : "");
            }
            return new SetCookie(pair[0].strip(), pair.length > 1 ? pair[1] : "", attributes);
        }

        public String path() {
            return attributes.getOrDefault("Path", "/");
        }

        public boolean has(String flag) {
            return attributes.containsKey(flag);
        }
    }

    private final Map<String, SetCookie> jar = new LinkedHashMap<>();

    /** A session signed in through {@code POST /api/session/}, as the console does it. */
    public static CookieSession signIn(TestUsers.Credentials user) {
        CookieSession session = new CookieSession();
        session.send("GET", "/api/session/", null, false);
        HttpResponse<String> signedIn = session.send("POST", "/api/session/", credentials(user), true);
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        return session;
    }

    public static String credentials(TestUsers.Credentials user) {
        return Json.createObjectBuilder()
                .add("username", user.username())
                .add("password", user.password())
                .build()
                .toString();
    }

    public static List<SetCookie> setCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(SetCookie::parse)
                .toList();
    }

    public static Optional<SetCookie> setCookie(HttpResponse<?> response, String name) {
        return setCookies(response).stream()
                .filter(cookie -> cookie.name().equals(name))
                .findFirst();
    }

    public String cookie(String name) {
        SetCookie cookie = jar.get(name);
        return cookie == null ? null : cookie.value();
    }

    public CookieSession without(String name) {
        jar.remove(name);
        return this;
    }

    public CookieSession with(String name, String value, String path) {
        jar.put(name, new SetCookie(name, value, Map.of("Path", path)));
        return this;
    }

    /** A copy, to replay this browser's cookies later. */
    public CookieSession copy() {
        CookieSession copy = new CookieSession();
        copy.jar.putAll(jar);
        return copy;
    }

    /** A request with the cookies a browser would send to this path; JSON body if any. */
    public HttpResponse<String> send(String method, String path, String json, boolean csrf, String... headers) {
        List<String> all = new ArrayList<>(List.of(headers));
        String cookies = cookieHeader(path);
        if (!cookies.isEmpty()) {
            all.addAll(List.of("Cookie", cookies));
        }
        if (csrf && cookie("csrftoken") != null) {
            all.addAll(List.of("X-CSRFToken", cookie("csrftoken")));
        }
        HttpResponse<String> response =
                Http.send(method, path, json == null ? null : "application/json", json, all.toArray(String[]::new));
        remember(response);
        return response;
    }

    private void remember(HttpResponse<?> response) {
        for (SetCookie cookie : setCookies(response)) {
            if ("0".equals(cookie.attributes().get("Max-Age"))) {
                jar.remove(cookie.name());
            } else {
                jar.put(cookie.name(), cookie);
            }
        }
    }

    private String cookieHeader(String path) {
        return String.join(
                "; ",
                jar.values().stream()
                        .filter(cookie -> path.startsWith(cookie.path()))
                        .map(cookie -> cookie.name() + "=" + cookie.value())
                        .toList());
    }
}
