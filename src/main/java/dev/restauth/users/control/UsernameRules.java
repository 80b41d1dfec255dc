package dev.restauth.users.control;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Django's username rules: 1 to 150 letters, digits and {@code @ . + - _}, case-sensitive, and
 * NFKC-normalized when a user is created (Django's {@code normalize_username} in {@code
 * create_user}), so that no fullwidth or otherwise compatible twin of a name can be created. Like
 * Django, lookups do not normalize: DRF's and SimpleJWT's logins, Basic and the admin paths find a
 * user by the exact name ({@code ModelBackend.authenticate} → {@code get_by_natural_key}), so a
 * name stored before normalization stays reachable and a twin's spelling finds nobody. "me" is
 * taken by {@code /api/users/me/}.
 */
public final class UsernameRules {

    public static final int MAX_LENGTH = 150;
    public static final String RESERVED = "me";
    public static final String INVALID =
            "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters.";

    private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{M}\\p{N}_.@+-]{1," + MAX_LENGTH + "}");

    private UsernameRules() {}

    /** Django's {@code AbstractBaseUser.normalize_username}: NFKC; null stays null. */
    public static String normalize(String username) {
        return username == null ? null : Normalizer.normalize(username, Normalizer.Form.NFKC);
    }

    /** Whether a user by this name could exist; anything else is answered without a query. */
    public static boolean isValid(String username) {
        return username != null && VALID.matcher(username).matches();
    }
}
