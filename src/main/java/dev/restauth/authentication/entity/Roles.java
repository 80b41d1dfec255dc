package dev.restauth.authentication.entity;

/**
 * Container roles with a meaning of their own. Liberty's JAX-RS does not read
 * {@code @RolesAllowed("**")} as "any authenticated caller", so the mechanism grants every
 * authenticated caller {@link #AUTHENTICATED} besides their own roles: DRF's IsAuthenticated is
 * {@code @RolesAllowed(Roles.AUTHENTICATED)}. It is never stored and cannot be assigned.
 */
public final class Roles {

    public static final String AUTHENTICATED = "authenticated";
    public static final String ADMIN = "admin";

    private Roles() {}
}
