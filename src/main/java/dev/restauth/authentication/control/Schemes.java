package dev.restauth.authentication.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The enabled schemes in order, like DRF's DEFAULT_AUTHENTICATION_CLASSES: a scheme not listed
 * counts as no credentials, and the first one's challenge is what a caller without credentials is
 * told to use. An unknown name stops the application at startup.
 */
@ApplicationScoped
public class Schemes {

    @Inject
    @ConfigProperty(name = "authentication.schemes", defaultValue = "Bearer,Token,Basic")
    List<String> configured;

    @Inject
    Instance<AuthenticationScheme> available;

    @Inject
    Instance<CookieScheme> cookieSchemes;

    volatile List<AuthenticationScheme> enabled;

    volatile List<CookieScheme> cookies;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        enabled();
    }

    /** The enabled scheme of this name (ignoring case), or null: then the header is no credentials. */
    public AuthenticationScheme enabled(String name) {
        for (AuthenticationScheme scheme : enabled()) {
            if (scheme.name().equalsIgnoreCase(name)) {
                return scheme;
            }
        }
        return null;
    }

    /** The enabled scheme named so, or a startup failure naming the ones that are. */
    public AuthenticationScheme require(String name, String where) {
        AuthenticationScheme scheme = enabled(name.strip());
        if (scheme == null) {
            throw new IllegalStateException(where + ": '" + name.strip().toLowerCase(Locale.ROOT)
                    + "' is not an enabled scheme; enabled: " + names(enabled()));
        }
        return scheme;
    }

    /** The schemes that read cookies, for requests without an Authorization header. */
    public List<CookieScheme> cookies() {
        List<CookieScheme> schemes = cookies;
        if (schemes == null) {
            schemes = cookieSchemes == null ? List.of() : cookieSchemes.stream().toList();
            cookies = schemes;
        }
        return schemes;
    }

    /** The scheme whose challenge answers "credentials were not provided". */
    public AuthenticationScheme first() {
        return enabled().get(0);
    }

    List<AuthenticationScheme> enabled() {
        List<AuthenticationScheme> schemes = enabled;
        if (schemes == null) {
            schemes = choose(configured, available.stream().toList());
            enabled = schemes;
        }
        return schemes;
    }

    static List<AuthenticationScheme> choose(List<String> names, List<AuthenticationScheme> available) {
        List<AuthenticationScheme> chosen = names.stream()
                .map(name -> available.stream()
                        .filter(scheme -> scheme.name().equalsIgnoreCase(name.strip()))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("authentication.schemes: unknown scheme '"
                                + name.strip().toLowerCase(Locale.ROOT) + "'; known: " + names(available))))
                .distinct()
                .toList();
        if (chosen.isEmpty()) {
            throw new IllegalStateException("authentication.schemes must name at least one of " + names(available));
        }
        return chosen;
    }

    private static List<String> names(List<AuthenticationScheme> schemes) {
        return schemes.stream().map(AuthenticationScheme::name).toList();
    }
}
