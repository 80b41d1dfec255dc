package dev.restauth.authentication.control;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code Authorization} header split as DRF splits it: on runs of whitespace, the first part
 * being the scheme. What follows the scheme is kept as parts so that each scheme can give DRF's
 * message for "nothing" and for "too much".
 */
public record AuthorizationHeader(String scheme, List<String> credentials) {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    public static Optional<AuthorizationHeader> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        List<String> parts = List.of(WHITESPACE.split(header.strip()));
        return Optional.of(new AuthorizationHeader(parts.get(0), parts.subList(1, parts.size())));
    }

    public boolean hasScheme(String name) {
        return scheme.equalsIgnoreCase(name);
    }
}
