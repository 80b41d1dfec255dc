package dev.restauth.users.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a new password must satisfy: a length, nothing else (NIST 800-63B forbids composition
 * rules). The maximum also bounds what any login will hash.
 */
@ApplicationScoped
public class PasswordRules {

    @Inject
    @ConfigProperty(name = "passwords.min-length", defaultValue = "8")
    int minLength;

    @Inject
    @ConfigProperty(name = "passwords.max-length", defaultValue = "1024")
    int maxLength;

    public int maxLength() {
        return maxLength;
    }

    /** Django's messages for what is wrong with a new password; empty when it is acceptable. */
    public List<String> problems(String password) {
        List<String> problems = new ArrayList<>();
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            problems.add("This password is too short. It must contain at least " + minLength + " characters.");
        }
        if (password.length() > maxLength) {
            problems.add("This password is too long. It must contain at most " + maxLength + " characters.");
        }
        return problems;
    }
}
