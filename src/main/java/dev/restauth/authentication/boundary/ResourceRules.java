package dev.restauth.authentication.boundary;

import dev.restauth.authentication.control.AuthenticationScheme;
import dev.restauth.authentication.control.Schemes;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a resource method says about credentials ({@link IgnoresCredentials}, {@link
 * AuthenticatedBy}), read once per method: the filter asks on every request.
 */
@ApplicationScoped
public class ResourceRules {

    /**
     * @param schemes the schemes accepted here, in order; null where the global setting applies
     * @param requiresAuthentication whether the access rules need a caller ({@code @RolesAllowed}
     *     or {@code @DenyAll}, not lifted by the method's {@code @PermitAll})
     */
    public record Rules(
            boolean ignoresCredentials, List<AuthenticationScheme> schemes, boolean requiresAuthentication) {

        static final Rules DEFAULT = new Rules(false, null, false);

        boolean accepts(String scheme) {
            return scheme != null
                    && schemes.stream().anyMatch(accepted -> accepted.name().equalsIgnoreCase(scheme));
        }
    }

    @Inject
    Schemes enabled;

    private final ConcurrentHashMap<Method, Rules> rules = new ConcurrentHashMap<>();

    /** The matched method's rules: one map lookup once the method has been seen. */
    public Rules of(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return Rules.DEFAULT;
        }
        Rules known = rules.get(method);
        return known != null ? known : of(resource.getResourceClass(), method);
    }

    Rules of(Class<?> resource, Method method) {
        if (method == null) {
            return Rules.DEFAULT;
        }
        return rules.computeIfAbsent(method, m -> read(resource, m));
    }

    private Rules read(Class<?> resource, Method method) {
        boolean ignores = method.isAnnotationPresent(IgnoresCredentials.class)
                || resource.isAnnotationPresent(IgnoresCredentials.class);
        AuthenticatedBy narrowed = method.isAnnotationPresent(AuthenticatedBy.class)
                ? method.getAnnotation(AuthenticatedBy.class)
                : resource.getAnnotation(AuthenticatedBy.class);
        if (!ignores && narrowed == null) {
            return Rules.DEFAULT;
        }
        List<AuthenticationScheme> schemes = narrowed == null ? null : schemes(narrowed, resource, method);
        return new Rules(ignores, schemes, requiresAuthentication(resource, method));
    }

    private List<AuthenticationScheme> schemes(AuthenticatedBy narrowed, Class<?> resource, Method method) {
        String where = "@AuthenticatedBy on " + resource.getSimpleName() + "." + method.getName();
        if (narrowed.value().length == 0) {
            throw new IllegalStateException(where + ": name at least one scheme");
        }
        return Arrays.stream(narrowed.value())
                .map(name -> enabled.require(name, where))
                .toList();
    }

    /** The rule Liberty's JAX-RS applies: the method's own annotation first, then the class's. */
    static boolean requiresAuthentication(Class<?> resource, Method method) {
        if (hasAny(method, PermitAll.class) && !hasAny(method, RolesAllowed.class, DenyAll.class)) {
            return false;
        }
        return hasAny(method, RolesAllowed.class, DenyAll.class) || hasAny(resource, RolesAllowed.class, DenyAll.class);
    }

    @SafeVarargs
    private static boolean hasAny(AnnotatedElement element, Class<? extends java.lang.annotation.Annotation>... types) {
        return Arrays.stream(types).anyMatch(element::isAnnotationPresent);
    }
}
