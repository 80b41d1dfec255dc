package dev.restauth.authentication.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Every resource path and what its methods declare, indexed when JAX-RS deploys them ({@link
 * AuthenticatedByCheck}), so that a request can be judged by its path before JAX-RS matches a
 * method: DRF checks authentication and permissions per view, whatever the method, and so must we
 * for the methods no resource method declares (OPTIONS, and PUT on a GET-only path, say), which
 * JAX-RS answers during matching, before any post-matching filter or role check runs.
 */
@ApplicationScoped
public class Routes {

    private record Route(Pattern path, PathRule rule) {}

    private final Map<String, Route> byTemplate = new ConcurrentHashMap<>();

    /** Indexes one resource method (JAX-RS deployment, through {@link AuthenticatedByCheck}). */
    void add(Class<?> resource, Method method, ResourceRules.Rules rules) {
        String httpMethod = httpMethod(method);
        if (httpMethod == null) {
            return; // a sub-resource locator: none here
        }
        String template = PathTemplates.template(resource, method);
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
                new Route(PathTemplates.regex(template), rule),
                (known, more) -> new Route(known.path, known.rule.and(rule)));
    }

    /** The combined rule of every template matching the path (JAX-RS may route to any of them). */
    public Optional<PathRule> at(String path) {
        String normalized = PathTemplates.trimSlashes(path);
        return byTemplate.values().stream()
                .filter(route -> route.path.matcher(normalized).matches())
                .map(Route::rule)
                .reduce(PathRule::and);
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
}
