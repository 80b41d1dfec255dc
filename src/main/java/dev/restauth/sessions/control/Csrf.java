package dev.restauth.sessions.control;

import dev.restauth.errors.control.ApiError;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Set;

/**
 * Django's CSRF check for cookie-authenticated requests, as DRF's SessionAuthentication applies
 * it: an unsafe request must echo the {@code csrftoken} cookie in {@code X-CSRFToken}. A site that
 * is not this one cannot read the cookie, nor send the header without a CORS preflight we never
 * grant. The reasons are those of the DRF reference (DRF 3.14 on Django 3.2): Django 4.1's finer
 * ones ("CSRF token missing.", "CSRF token incorrect.") came later.
 */
@ApplicationScoped
public class Csrf {

    public static final String HEADER = "X-CSRFToken";

    static final String NO_COOKIE = "CSRF Failed: CSRF cookie not set.";
    static final String BAD_TOKEN = "CSRF Failed: CSRF token missing or incorrect.";

    /** RFC 9110's safe methods, Django's list: everything else must carry the token. */
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** Django's CSRF secret: 32 characters of [A-Za-z0-9], 190 random bits. */
    static final int LENGTH = 32;

    private static final char[] ALPHABET =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private final SecureRandom random = new SecureRandom();

    public static boolean isSafe(String method) {
        return SAFE.contains(method);
    }

    public String newToken() {
        char[] token = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            token[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(token);
    }

    /** Whether a cookie value is one of ours; anything else is replaced, as Django sanitizes it. */
    public static boolean isWellFormed(String token) {
        if (token == null || token.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Passes an unsafe request whose header matches its cookie, compared in constant time; a 403
     * with DRF's {@code {"detail": "CSRF Failed: …"}} otherwise.
     */
    public void check(String method, String cookie, String header) {
        if (isSafe(method)) {
            return;
        }
        if (cookie == null || cookie.isEmpty()) {
            throw ApiError.of(403, NO_COOKIE);
        }
        if (header == null
                || !isWellFormed(cookie)
                || !MessageDigest.isEqual(
                        cookie.getBytes(StandardCharsets.US_ASCII), header.getBytes(StandardCharsets.US_ASCII))) {
            throw ApiError.of(403, BAD_TOKEN);
        }
    }
}
