package dev.restauth.users.entity;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Container roles with a meaning of their own. Liberty's JAX-RS does not read
 * {@code @RolesAllowed("**")} as "any authenticated caller", so every authenticated caller is
 * granted {@link #AUTHENTICATED} besides their own roles: DRF's IsAuthenticated is
 * {@code @RolesAllowed(Roles.AUTHENTICATED)}. It is never stored and cannot be assigned.
 */
public final class Roles {

    public static final String AUTHENTICATED = "authenticated";
    public static final String ADMIN = "admin";
    /** May read {@code /metrics}: what a Prometheus scraper's user holds. */
    public static final String METRICS = "metrics";

    private Roles() {}

    /** What an authenticated user holds in the container: their roles and {@link #AUTHENTICATED}. */
    public static Set<String> granted(Collection<String> roles) {
        Set<String> granted = new HashSet<>(roles);
        granted.add(AUTHENTICATED);
        return Set.copyOf(granted);
    }
}
