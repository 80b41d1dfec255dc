package dev.restauth.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which other origins' browser apps may call the API, as django-cors-headers decides it: an
 * explicit list of origins (empty: CORS off, no header is ever sent), credentials only for listed
 * origins (a wildcard with credentials stops the application at startup, since a browser would
 * refuse it and reflecting any origin would hand every site the user's session), and the methods,
 * headers and max age a preflight approves. Settings are checked once, at startup.
 */
@ApplicationScoped
public class CorsPolicy {

    /** scheme://host[:port], as browsers send Origin: no path, no trailing slash. */
    static final Pattern ORIGIN = Pattern.compile("https?://[^/\\s?#]+");

    static final String ANY = "*";

    @Inject
    @ConfigProperty(name = "cors.allowed-origins")
    Optional<List<String>> allowedOrigins;

    @Inject
    @ConfigProperty(name = "cors.allow-credentials", defaultValue = "false")
    boolean allowCredentials;

    @Inject
    @ConfigProperty(name = "cors.allowed-methods", defaultValue = "DELETE,GET,OPTIONS,PATCH,POST,PUT")
    List<String> allowedMethods;

    @Inject
    @ConfigProperty(
            name = "cors.allowed-headers",
            defaultValue = "accept,authorization,content-type,user-agent,x-csrftoken,x-requested-with")
    List<String> allowedHeaders;

    @Inject
    @ConfigProperty(name = "cors.preflight-max-age", defaultValue = "PT24H")
    Duration maxAge;

    @Inject
    @ConfigProperty(name = "cors.expose-headers", defaultValue = "WWW-Authenticate,Retry-After,Location,X-Incident-Id")
    List<String> exposeHeaders;

    private Set<String> origins;
    private boolean anyOrigin;
    private String methods;
    private String headers;
    private String exposed;

    @PostConstruct
    void init() {
        origins = allowedOrigins.orElse(List.of()).stream()
                .map(String::strip)
                .filter(origin -> !origin.isEmpty())
                .map(CorsPolicy::checked)
                .collect(Collectors.toUnmodifiableSet());
        anyOrigin = origins.contains(ANY);
        if (anyOrigin && allowCredentials) {
            throw new IllegalStateException("cors.allowed-origins: '*' cannot be combined with"
                    + " cors.allow-credentials=true; list the origins that may send credentials");
        }
        methods = joined(allowedMethods, true);
        headers = joined(allowedHeaders, false);
        exposed = joined(exposeHeaders, false);
    }

    /** False when no origin is configured: then nothing here applies. */
    public boolean enabled() {
        return !origins.isEmpty();
    }

    /**
     * The CORS headers for a request from this origin, or empty when it is not allowed (the
     * browser then refuses the app the answer).
     *
     * @param preflight whether this answers a preflight (which also approves methods and headers)
     */
    public Optional<Map<String, String>> headersFor(String origin, boolean preflight) {
        if (origin == null || !(anyOrigin || origins.contains(origin))) {
            return Optional.empty();
        }
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("Access-Control-Allow-Origin", anyOrigin && !allowCredentials ? ANY : origin);
        if (allowCredentials) {
            answer.put("Access-Control-Allow-Credentials", "true");
        }
        if (!exposed.isEmpty() && !preflight) {
            answer.put("Access-Control-Expose-Headers", exposed);
        }
        if (preflight) {
            answer.put("Access-Control-Allow-Headers", headers);
            answer.put("Access-Control-Allow-Methods", methods);
            if (!maxAge.isZero() && !maxAge.isNegative()) {
                answer.put("Access-Control-Max-Age", Long.toString(maxAge.toSeconds()));
            }
        }
        return Optional.of(answer);
    }

    private static String checked(String origin) {
        if (!origin.equals(ANY)
                && !origin.equals("null")
                && !ORIGIN.matcher(origin).matches()) {
            throw new IllegalStateException("cors.allowed-origins: '" + origin
                    + "' is no origin; write scheme://host[:port], without a path or trailing slash");
        }
        return origin;
    }

    private static String joined(List<String> values, boolean upperCase) {
        return values.stream()
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .map(value -> upperCase ? value.toUpperCase(Locale.ROOT) : value)
                .collect(Collectors.joining(", "));
    }
}
