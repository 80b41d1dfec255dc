package dev.restauth.users.control;

import dev.restauth.errors.control.FieldErrors;
import dev.restauth.users.entity.NewUser;
import dev.restauth.users.entity.PasswordChange;
import dev.restauth.users.entity.Roles;
import dev.restauth.users.entity.UserChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The users API's request records, checked in one place with Django's messages; each check
 * collects every field's problems and throws them as one 400.
 */
@ApplicationScoped
public class UserRequests {

    public static final String DUPLICATE = "A user with that username already exists.";
    public static final String INVALID_ROLE =
            "Enter a valid role: 1 to 64 letters, digits and _ . : - characters (\"authenticated\" is reserved).";
    private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    static final int MAX_SEARCH_TERMS = 10;
    static final int MAX_SEARCH_TERM = 150;

    @Inject
    PasswordRules passwordRules;

    /**
     * DRF's SearchFilter terms: the query split on whitespace and commas, NUL characters dropped.
     * Each term adds a condition to the query, so their number is bounded.
     */
    public List<String> searchTerms(String search) {
        if (search == null) {
            return List.of();
        }
        List<String> terms = Arrays.stream(search.replace("\0", "").split("[\\s,]+"))
                .filter(term -> !term.isEmpty())
                .toList();
        if (terms.size() > MAX_SEARCH_TERMS) {
            throw FieldErrors.of("search", "Ensure this field has no more than " + MAX_SEARCH_TERMS + " terms.");
        }
        if (terms.stream().anyMatch(term -> term.length() > MAX_SEARCH_TERM)) {
            throw FieldErrors.of("search", "Ensure each term has no more than " + MAX_SEARCH_TERM + " characters.");
        }
        return terms;
    }

    public void check(NewUser user) {
        FieldErrors errors = new FieldErrors();
        username(user.username(), errors);
        newPassword("password", user.password(), errors);
        roles(user.roles(), errors);
        errors.throwIfAny();
    }

    public void check(UserChanges changes) {
        FieldErrors errors = new FieldErrors();
        roles(changes.roles(), errors);
        if (changes.password() != null) {
            newPassword("password", changes.password(), errors);
        }
        errors.throwIfAny();
    }

    public void check(PasswordChange change) {
        FieldErrors errors = new FieldErrors();
        if (change.oldPassword() == null) {
            errors.add("old_password", FieldErrors.REQUIRED);
        }
        newPassword("new_password", change.newPassword(), errors);
        errors.throwIfAny();
    }

    private static void username(String username, FieldErrors errors) {
        if (username == null) {
            errors.add("username", FieldErrors.REQUIRED);
        } else if (username.isBlank()) {
            errors.add("username", FieldErrors.BLANK);
        } else if (username.length() > UsernameRules.MAX_LENGTH) {
            errors.add("username", "Ensure this field has no more than " + UsernameRules.MAX_LENGTH + " characters.");
        } else if (!UsernameRules.isValid(username)) {
            errors.add("username", UsernameRules.INVALID);
        } else if (UsernameRules.RESERVED.equals(username)) {
            errors.add("username", DUPLICATE);
        }
    }

    private void newPassword(String field, String password, FieldErrors errors) {
        errors.requireText(field, password);
        if (password != null && !password.isEmpty()) {
            errors.add(field, passwordRules.problems(password));
        }
    }

    /** A role that can be assigned: 1 to 64 of {@code A-Za-z0-9_.:-}, not {@link Roles#AUTHENTICATED}. */
    public static boolean isValidRole(String role) {
        return role != null && ROLE.matcher(role).matches() && !Roles.AUTHENTICATED.equals(role);
    }

    private static void roles(List<String> roles, FieldErrors errors) {
        if (roles != null && !roles.stream().allMatch(UserRequests::isValidRole)) {
            errors.add("roles", INVALID_ROLE);
        }
    }
}
