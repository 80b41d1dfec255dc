package dev.restauth.authentication.boundary;

import dev.restauth.authentication.control.AuthenticationScheme;
import jakarta.ws.rs.HttpMethod;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a path's resource methods declare together, as {@link Routes} finds it for a request: the
 * answer to methods no resource declares ({@link UndeclaredMethods}) is decided from it.
 *
 * @param methods the HTTP methods declared there
 * @param access the least strict access of those methods: nothing is revealed to a caller that one
 *     of them would not serve
 * @param ignoresCredentials whether every method there ignores the Authorization header
 * @param schemes the schemes every method there narrows to, or null for the global setting
 * @param consumes the media types the methods read
 * @param name the view's name, as DRF's metadata gives it
 */
public record PathRule(
        Set<String> methods,
        Access access,
        boolean ignoresCredentials,
        List<AuthenticationScheme> schemes,
        Set<String> consumes,
        String name) {

    /** DRF's order of methods in {@code Allow} (View.http_method_names). */
    static final List<String> ALLOW_ORDER = List.of(
            HttpMethod.GET,
            HttpMethod.POST,
            HttpMethod.PUT,
            HttpMethod.PATCH,
            HttpMethod.DELETE,
            HttpMethod.HEAD,
            HttpMethod.OPTIONS);

    /** Whether JAX-RS has a method for this (HEAD is served by GET). */
    public boolean declares(String method) {
        return methods.contains(method) || (HttpMethod.HEAD.equals(method) && methods.contains(HttpMethod.GET));
    }

    /** The {@code Allow} header DRF sends: the declared methods, HEAD with GET, and OPTIONS. */
    public String allow() {
        return ALLOW_ORDER.stream()
                .filter(method -> declares(method) || HttpMethod.OPTIONS.equals(method))
                .collect(Collectors.joining(", "));
    }

    /** Both rules at once: their methods and media types, the least strict access, common schemes. */
    PathRule and(PathRule other) {
        Set<String> bothMethods = new LinkedHashSet<>(methods);
        bothMethods.addAll(other.methods);
        Set<String> bothConsume = new LinkedHashSet<>(consumes);
        bothConsume.addAll(other.consumes);
        return new PathRule(
                bothMethods,
                access.or(other.access),
                ignoresCredentials && other.ignoresCredentials,
                Objects.equals(schemes, other.schemes) ? schemes : null,
                bothConsume,
                name);
    }
}
