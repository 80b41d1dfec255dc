package dev.restauth.users.boundary;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A user's path in the API, for the {@code Location} of a created user: the username as one
 * percent-encoded path segment (a space as {@code %20}, never {@code +}, which a path takes
 * literally), so that any valid username, {@code @}, {@code +} and non-ASCII included, points back
 * at the same user.
 */
final class UserLocation {

    private UserLocation() {}

    static String of(String contextPath, String username) {
        return contextPath + "/api/users/" + segment(username) + "/";
    }

    private static String segment(String username) {
        return URLEncoder.encode(username, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
