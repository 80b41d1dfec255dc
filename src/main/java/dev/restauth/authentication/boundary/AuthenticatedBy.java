package dev.restauth.authentication.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The schemes a resource class or method accepts, narrowing {@code authentication.schemes} there
 * as DRF's {@code authentication_classes} narrows a view: credentials of any other scheme count as
 * none (a public resource serves the caller anonymously, a protected one answers 401 "not
 * provided"), and a caller without credentials is challenged with the first scheme named. A method's
 * annotation replaces its class's. Each name must be an enabled scheme.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AuthenticatedBy {

    /** Scheme names, as in the Authorization header: "Bearer", "Token", "Basic". */
    String[] value();
}
