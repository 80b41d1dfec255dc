package dev.restauth.authentication.boundary;

import dev.restauth.authentication.control.AuthenticationScheme;
import dev.restauth.authentication.control.AuthorizationHeader;
import dev.restauth.authentication.control.Schemes;
import dev.restauth.errors.boundary.ErrorWriter;
import dev.restauth.errors.control.ApiError;
import dev.restauth.errors.control.DefaultMessages;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Optional;

/**
 * OPTIONS, and any method no resource method declares for a path (PUT on a GET-only path, FOO),
 * pass the same authentication and permission rules as the path's declared methods, as in DRF,
 * which checks them per view before it looks at the method. JAX-RS answers such requests while
 * matching (its OPTIONS 200, its 405), where no post-matching filter and no {@code @RolesAllowed}
 * check runs: without this filter an anonymous OPTIONS on a protected path was a 200.
 *
 * <p>Judged by the path's rule ({@link Routes}, the least strict of its methods): bad credentials
 * are their 401 (unless every method there ignores the header); an anonymous caller where not
 * everyone may call is a 401 with the challenge; a caller without any of the roles a 403. What
 * passes is JAX-RS's 405 for an undeclared method, and for OPTIONS DRF's metadata answer, with
 * {@code Allow}. Declared methods (HEAD with GET), unknown paths and CORS preflights ({@code
 * Origin} and {@code Access-Control-Request-Method}, answered before JAX-RS where CORS is on) are
 * left alone.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class UndeclaredMethods implements ContainerRequestFilter {

    /** DRF's renderer: JSON only (no browsable API). */
    static final String RENDERS = MediaType.APPLICATION_JSON;

    @Context
    HttpServletRequest request;

    @Inject
    Routes routes;

    @Inject
    Schemes schemes;

    @Override
    public void filter(ContainerRequestContext context) {
        String method = context.getMethod();
        if (isPreflight(context)) {
            return;
        }
        Optional<PathRule> found = routes.at(context.getUriInfo().getPath());
        if (found.isEmpty() || found.get().declares(method)) {
            return;
        }
        PathRule rule = found.get();
        ApiError refused = refusal(rule);
        if (refused != null) {
            context.abortWith(ErrorWriter.response(refused.withHeader(HttpHeaders.ALLOW, rule.allow())));
        } else if (HttpMethod.OPTIONS.equals(method)) {
            context.abortWith(metadata(rule));
        }
    }

    private ApiError refusal(PathRule rule) {
        boolean credentialsCount = !rule.ignoresCredentials()
                && (rule.schemes() == null || accepted(rule.schemes(), request.getHeader("Authorization")));
        if (!credentialsCount) {
            request.removeAttribute(ApiError.PENDING);
        } else if (request.getAttribute(ApiError.PENDING) instanceof ApiError failure) {
            return failure;
        }
        if (rule.access().anyone()) {
            return null;
        }
        if (!credentialsCount || request.getUserPrincipal() == null) {
            AuthenticationScheme challenger =
                    rule.schemes() != null ? rule.schemes().get(0) : schemes.first();
            return ApiError.unauthorized(DefaultMessages.NOT_AUTHENTICATED, challenger.challenge());
        }
        if (rule.access().roles().stream().noneMatch(request::isUserInRole)) {
            return ApiError.of(403, DefaultMessages.PERMISSION_DENIED);
        }
        return null;
    }

    private static boolean accepted(List<AuthenticationScheme> accepted, String authorization) {
        String scheme = AuthorizationHeader.parse(authorization)
                .map(AuthorizationHeader::scheme)
                .orElse(null);
        return scheme != null && accepted.stream().anyMatch(one -> one.name().equalsIgnoreCase(scheme));
    }

    /** DRF's SimpleMetadata answer: the view's name, and what it renders and parses. */
    private static Response metadata(PathRule rule) {
        JsonArrayBuilder parses = Json.createArrayBuilder();
        (rule.consumes().isEmpty() ? List.of(MediaType.APPLICATION_JSON) : rule.consumes()).forEach(parses::add);
        String body = Json.createObjectBuilder()
                .add("name", rule.name())
                .add("description", "")
                .add("renders", Json.createArrayBuilder().add(RENDERS))
                .add("parses", parses)
                .build()
                .toString();
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.ALLOW, rule.allow())
                .build();
    }

    private static boolean isPreflight(ContainerRequestContext context) {
        return HttpMethod.OPTIONS.equals(context.getMethod())
                && context.getHeaderString("Origin") != null
                && context.getHeaderString("Access-Control-Request-Method") != null;
    }
}
