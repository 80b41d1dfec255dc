package dev.restauth.platform.boundary;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Gives the OpenAPI document's paths back the trailing slash their {@code @Path} has. MicroProfile
 * OpenAPI (SmallRye) drops it from every path, but DRF's URLs end with one and DRF clients, code
 * generators and the UI's "Try it out" should call {@code /api/hello/}, the URL DRF documents.
 *
 * <p>The generated model does not say which method an operation comes from, except through its
 * operationId: {@code mp.openapi.extensions.smallrye.operationIdStrategy=PACKAGE_CLASS_METHOD}
 * names each one {@code <class>_<method>}. This filter reads the method's {@code @Path} (or its
 * class's, for a method without one), keys the operation under the path with the slash where the
 * annotation ends with one, and removes the operationId again: Java names are no API.
 */
public class TrailingSlashes implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, PathItem> paths = new LinkedHashMap<>();
        openApi.getPaths().getPathItems().forEach((path, item) -> {
            if (item.getOperations() == null) {
                paths.put(path, item);
                return;
            }
            item.getOperations().forEach((method, operation) -> {
                String real = !path.endsWith("/") && declaredWithSlash(operation) ? path + "/" : path;
                operation.setOperationId(null);
                paths.computeIfAbsent(real, key -> emptyLike(item)).setOperation(method, operation);
            });
        });
        openApi.getPaths().setPathItems(paths);
    }

    /** A path item with the shared parts of {@code item} and no operation yet. */
    private static PathItem emptyLike(PathItem item) {
        return OASFactory.createPathItem()
                .summary(item.getSummary())
                .description(item.getDescription())
                .parameters(item.getParameters())
                .servers(item.getServers());
    }

    static boolean declaredWithSlash(Operation operation) {
        return declaredPath(operation.getOperationId())
                .map(path -> path.endsWith("/"))
                .orElse(false);
    }

    /**
     * The last {@code @Path} of the resource method an operationId {@code <package>.<class>_<method>}
     * names: the method's own, or its resource class's.
     */
    static Optional<String> declaredPath(String operationId) {
        if (operationId == null) {
            return Optional.empty();
        }
        int separator = operationId.indexOf('_', operationId.lastIndexOf('.') + 1);
        if (separator < 0) {
            return Optional.empty();
        }
        String methodName = operationId.substring(separator + 1);
        Class<?> resource;
        try {
            resource =
                    Class.forName(operationId.substring(0, separator), false, TrailingSlashes.class.getClassLoader());
        } catch (ClassNotFoundException notOurs) {
            return Optional.empty();
        }
        return Arrays.stream(resource.getMethods())
                .filter(method -> method.getName().equals(methodName) && isResourceMethod(method))
                .findFirst()
                .map(method -> method.isAnnotationPresent(Path.class)
                        ? method.getAnnotation(Path.class)
                        : resource.getAnnotation(Path.class))
                .map(Path::value);
    }

    private static boolean isResourceMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return method.isAnnotationPresent(Path.class);
    }
}
