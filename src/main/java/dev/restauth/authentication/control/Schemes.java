package dev.restauth.authentication.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The enabled {@code Authorization} schemes in order, like DRF's DEFAULT_AUTHENTICATION_CLASSES:
 * a scheme not listed counts as no credentials, and the first one's challenge is what a caller
 * without credentials is told to use.
 */
@ApplicationScoped
public class Schemes {

    public static final String BEARER = "Bearer";
    public static final String TOKEN = "Token";
    public static final String BASIC = "Basic";

    private static final Map<String, String> CHALLENGES =
            Map.of(BEARER, "Bearer realm=\"api\"", TOKEN, "Token", BASIC, BasicCredentials.CHALLENGE);

    @Inject
    @ConfigProperty(name = "authentication.schemes", defaultValue = "Bearer,Token,Basic")
    List<String> configured;

    private List<String> enabled;

    @PostConstruct
    void validate() {
        enabled = configured.stream().map(Schemes::canonical).toList();
        if (enabled.isEmpty()) {
            throw new IllegalStateException("authentication.schemes must name at least one of " + CHALLENGES.keySet());
        }
    }

    public boolean isEnabled(String scheme) {
        return enabled.contains(scheme);
    }

    public String challengeOf(String scheme) {
        return CHALLENGES.get(scheme);
    }

    /** The {@code WWW-Authenticate} value for "credentials were not provided". */
    public String challenge() {
        return CHALLENGES.get(enabled.get(0));
    }

    private static String canonical(String name) {
        return CHALLENGES.keySet().stream()
                .filter(known -> known.equalsIgnoreCase(name.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("authentication.schemes: unknown scheme '"
                        + name.strip().toLowerCase(Locale.ROOT) + "'; known: " + CHALLENGES.keySet()));
    }
}
