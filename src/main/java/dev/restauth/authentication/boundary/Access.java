package dev.restauth.authentication.boundary;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who may call a resource method: anyone, or a caller with one of the roles (none: nobody, {@code
 * @DenyAll}). Read from the annotations once, when {@link Routes} indexes a method, so that a path's
 * rule is known before JAX-RS matches a method.
 */
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
