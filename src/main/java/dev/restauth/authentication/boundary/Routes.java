package dev.restauth.authentication.boundary;

import dev.restauth.authentication.control.AuthenticationScheme;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every resource path and what its methods declare, indexed when JAX-RS deploys them ({@link
 * AuthenticatedByCheck}), so that a request can be judged by its path before JAX-RS matches a
 * method: DRF checks authentication and permissions per view, whatever the method, and so must we
 * for the methods no resource method declares (OPTIONS, and PUT on a GET-only path, say), which
 * JAX-RS answers during matching, before any post-matching filter or role check runs.
 */
@ApplicationScoped
public class Routes {

    /** DRF's order of methods in {@code Allow} (View.http_method_names). */
    static final List<String> ALLOW_ORDER = List.of(
            HttpMethod.GET,
            HttpMethod.POST,
            HttpMethod.PUT,
            HttpMethod.PATCH,
            HttpMethod.DELETE,
            HttpMethod.HEAD,
            HttpMethod.OPTIONS);

    /** Who may call: anyone, or a caller with one of the roles (none: nobody, {@code @DenyAll}). */
    public record Access(boolean anyone, Set<String> roles) {

        static final Access ANYONE = new Access(true, Set.of());

        /** The method's own annotation first, then its class's, as Liberty's JAX-RS applies them. */
        static Access of(Class<?> resource, Method method) {
            Access own = declared(method);
            if (own != null) {
                return own;
            }
            Access inherited = declared(resource);
            return inherited != null ? inherited : ANYONE;
        }

        private static Access declared(AnnotatedElement element) {
            if (element.isAnnotationPresent(DenyAll.class)) {
                return new Access(false, Set.of());
            }
            if (element.isAnnotationPresent(RolesAllowed.class)) {
                return new Access(
                        false, Set.of(element.getAnnotation(RolesAllowed.class).value()));
            }
            return element.isAnnotationPresent(PermitAll.class) ? ANYONE : null;
        }

        /** The least strict of the two: what a caller needs for at least one of them. */
        Access or(Access other) {
            if (anyone || other.anyone) {
                return ANYONE;
            }
            Set<String> either = new LinkedHashSet<>(roles);
            either.addAll(other.roles);
            return new Access(false, Set.copyOf(either));
        }
    }

    /**
     * What a path's resource methods declare together.
     *
     * @param methods the HTTP methods declared there
     * @param access the least strict access of those methods: nothing is revealed to a caller that
     *     one of them would not serve
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

    private record Route(Pattern path, PathRule rule) {}

    private final Map<String, Route> byTemplate = new ConcurrentHashMap<>();

    /** Indexes one resource method (JAX-RS deployment, through {@link AuthenticatedByCheck}). */
    void add(Class<?> resource, Method method, ResourceRules.Rules rules) {
        String httpMethod = httpMethod(method);
        if (httpMethod == null) {
            return; // a sub-resource locator: none here
        }
        String template = template(resource, method);
        Set<String> consumes = new LinkedHashSet<>(consumes(resource, method));
        PathRule rule = new PathRule(
                Set.of(httpMethod),
                Access.of(resource, method),
                rules.ignoresCredentials(),
                rules.schemes(),
                consumes,
                viewName(resource));
        byTemplate.merge(
                template,
                new Route(regex(template), rule),
                (known, more) -> new Route(known.path, known.rule.and(rule)));
    }

    /** The combined rule of every template matching the path (JAX-RS may route to any of them). */
    public Optional<PathRule> at(String path) {
        String normalized = trimSlashes(path);
        return byTemplate.values().stream()
                .filter(route -> route.path.matcher(normalized).matches())
                .map(Route::rule)
                .reduce(PathRule::and);
    }

    static String template(Class<?> resource, Method method) {
        List<String> parts = new ArrayList<>();
        if (resource.isAnnotationPresent(Path.class)) {
            parts.add(trimSlashes(resource.getAnnotation(Path.class).value()));
        }
        if (method.isAnnotationPresent(Path.class)) {
            parts.add(trimSlashes(method.getAnnotation(Path.class).value()));
        }
        return parts.stream().filter(part -> !part.isEmpty()).collect(Collectors.joining("/"));
    }

    /** A JAX-RS template as a regex: {@code {name}} is one segment, {@code {name: re}} is re. */
    static Pattern regex(String template) {
        StringBuilder regex = new StringBuilder();
        int literalFrom = 0;
        for (int i = 0; i < template.length(); i++) {
            if (template.charAt(i) != '{') {
                continue;
            }
            regex.append(Pattern.quote(template.substring(literalFrom, i)));
            int depth = 0;
            int end = i;
            for (; end < template.length(); end++) {
                char c = template.charAt(end);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            String variable = template.substring(i + 1, end);
            int colon = variable.indexOf(':');
            regex.append('(')
                    .append(colon < 0 ? "[^/]+" : variable.substring(colon + 1).strip())
                    .append(')');
            i = end;
            literalFrom = end + 1;
        }
        regex.append(Pattern.quote(template.substring(Math.min(literalFrom, template.length()))));
        return Pattern.compile(regex.toString());
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static List<String> consumes(Class<?> resource, Method method) {
        Consumes consumes = method.isAnnotationPresent(Consumes.class)
                ? method.getAnnotation(Consumes.class)
                : resource.getAnnotation(Consumes.class);
        return consumes == null ? List.of() : Arrays.asList(consumes.value());
    }

    /** DRF's get_view_name: the class name without its suffix, camel case as words. */
    static String viewName(Class<?> resource) {
        String name = resource.getSimpleName().replaceFirst("Resource$", "");
        return name.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ");
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
