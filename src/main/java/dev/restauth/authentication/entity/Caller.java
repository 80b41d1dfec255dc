package dev.restauth.authentication.entity;

import java.util.Map;
import java.util.Set;

/**
 * Who a request's credentials prove it comes from.
 *
 * @param roles the container roles, {@code authenticated} included
 * @param attributes request attributes the scheme leaves for the resources (the API token used, say)
 */
public record Caller(String name, Set<String> roles, Map<String, Object> attributes) {

    public static Caller of(String name, Set<String> roles) {
        return new Caller(name, roles, Map.of());
    }
}
