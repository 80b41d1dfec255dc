package dev.restauth.authentication.boundary;

import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * JAX-RS {@code @Path} templates read as JAX-RS matches them, so that {@link Routes} can tell
 * which resource methods a request's path reaches before JAX-RS itself matches one. Templates and
 * paths are compared without their leading and trailing slashes, as JAX-RS does.
 */
final class PathTemplates {

    private PathTemplates() {}

    /** A resource method's full template: its class's path, then its own. */
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

    static String trimSlashes(String path) {
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
