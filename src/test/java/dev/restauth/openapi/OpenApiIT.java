package dev.restauth.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.restauth.authentication.boundary.AuthenticatedBy;
import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.TestUsers;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The document at /openapi is valid OpenAPI 3.1 (the official JSON Schema), describes every
 * resource method with the security its annotations really apply, and documents what the server
 * really answers: each sampled answer's status is in the document, and its body fits the
 * documented schema.
 */
class OpenApiIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String OAS = "https://spec.openapis.org/oas/3.1/";

    /** Our scheme names in the Authorization header, and the document's names for them. */
    static final Map<String, String> SCHEMES =
            Map.of("Bearer", "bearerAuth", "Token", "tokenAuth", "Basic", "basicAuth");

    /** {@code authentication.schemes}' default order. */
    static final List<String> DEFAULT_SCHEMES = List.of("bearerAuth", "tokenAuth", "basicAuth");

    static final JsonNode DOCUMENT = document();

    private static JsonNode document() {
        var response = Http.get("/openapi", "Accept", "application/json");
        assertEquals(200, response.statusCode(), response.body());
        try {
            java.nio.file.Path saved =
                    java.nio.file.Path.of(System.getProperty("basedir", "."), "target", "openapi.json");
            Files.createDirectories(saved.getParent());
            Files.writeString(saved, response.body());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonSchemaFactory factory() {
        return JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers.mappings(Map.of(
                        OAS + "schema/2021-04-15", "classpath:openapi/3.1/schema.json",
                        OAS + "schema-base/2021-04-15", "classpath:openapi/3.1/schema-base.json",
                        OAS + "dialect/base", "classpath:openapi/3.1/dialect-base.json",
                        OAS + "meta/base", "classpath:openapi/3.1/meta-base.json"))));
    }

    @Test
    void theDocumentIsValidOpenApi31() {
        assertEquals("3.1.0", DOCUMENT.path("openapi").asText());
        JsonSchema schema = factory().getSchema(SchemaLocation.of(OAS + "schema-base/2021-04-15"));
        Set<ValidationMessage> errors = schema.validate(DOCUMENT);
        assertEquals(Set.of(), errors, "the document breaks the OAS 3.1 schema");
    }

    @Test
    void theValidatorCatchesABrokenDocument() {
        ObjectNode broken = DOCUMENT.deepCopy();
        ((ObjectNode) broken.path("info")).remove("title");
        ((ObjectNode) broken.path("components").path("schemas").path("Error")).put("type", "strng");
        Set<ValidationMessage> errors = factory()
                .getSchema(SchemaLocation.of(OAS + "schema-base/2021-04-15"))
                .validate(broken);
        assertTrue(errors.stream().anyMatch(error -> error.getMessage().contains("title")), errors.toString());
        assertTrue(
                errors.stream()
                        .anyMatch(
                                error -> error.getInstanceLocation().toString().contains("Error")),
                errors.toString());
    }

    @Test
    void everySecurityRequirementNamesADeclaredScheme() {
        Set<String> declared = new LinkedHashSet<>();
        DOCUMENT.path("components").path("securitySchemes").fieldNames().forEachRemaining(declared::add);
        assertEquals(Set.of("bearerAuth", "tokenAuth", "basicAuth"), declared);
        assertTrue(DOCUMENT.path("security").isMissingNode(), "no document-wide requirement: public stays public");
        operations().forEach(operation -> operation.path("security").forEach(requirement -> requirement
                .fieldNames()
                .forEachRemaining(name -> assertTrue(declared.contains(name), "undeclared scheme " + name))));
    }

    @Test
    void theApiTokenSchemeTellsUsersToTypeTheTokenPrefix() {
        JsonNode token = DOCUMENT.path("components").path("securitySchemes").path("tokenAuth");
        assertEquals("apiKey", token.path("type").asText());
        assertEquals("header", token.path("in").asText());
        assertEquals("Authorization", token.path("name").asText());
        // As Markdown code: a bare <key> would be swallowed by the UI as an HTML tag.
        assertTrue(token.path("description").asText().contains("`Token <key>`"));
    }

    /** One row per JAX-RS resource method of the WAR. */
    record ResourceMethod(Class<?> resource, Method method, String httpMethod, String path) {

        @Override
        public String toString() {
            return httpMethod + " " + path + " (" + resource.getSimpleName() + "." + method.getName() + ")";
        }
    }

    static Stream<ResourceMethod> resourceMethods() {
        List<ResourceMethod> rows = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.restauth")) {
            if (!type.isAnnotatedWith(Path.class)) {
                continue;
            }
            Class<?> resource = type.reflect();
            for (Method method : resource.getDeclaredMethods()) {
                String httpMethod = httpMethod(method);
                if (httpMethod != null) {
                    rows.add(new ResourceMethod(resource, method, httpMethod, path(resource, method)));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resourceMethods")
    void everyResourceMethodIsDocumentedWithTheSecurityItReallyHas(ResourceMethod row) {
        JsonNode operation =
                DOCUMENT.path("paths").path(row.path()).path(row.httpMethod().toLowerCase(Locale.ROOT));
        assertTrue(operation.isObject(), row + " is not in the document; paths: " + pathsOf(DOCUMENT));
        // The alternatives in any order: which one a client tries first is its choice.
        assertEquals(
                Set.copyOf(expectedSecurity(row.resource(), row.method())),
                Set.copyOf(security(operation)),
                row.toString());
        assertEquals(
                expectedSecurity(row.resource(), row.method()).size(),
                security(operation).size(),
                row.toString());
        assertTrue(operation.path("summary").isTextual(), row + " has no summary");
        assertTrue(
                operation.path("responses").properties().stream()
                        .anyMatch(entry -> entry.getKey().startsWith("2")),
                row + " documents no success");
    }

    /**
     * What our rules make of the annotations: a protected method takes its schemes (the resource's
     * own, or every enabled one), one alternative each; a public one has none, even where it
     * reads optional credentials (Liberty's validator logs an error for OpenAPI's empty {}).
     */
    static List<Set<String>> expectedSecurity(Class<?> resource, Method method) {
        AuthenticatedBy narrowed = method.isAnnotationPresent(AuthenticatedBy.class)
                ? method.getAnnotation(AuthenticatedBy.class)
                : resource.getAnnotation(AuthenticatedBy.class);
        List<String> schemes = narrowed == null
                ? DEFAULT_SCHEMES
                : Arrays.stream(narrowed.value()).map(SCHEMES::get).toList();
        List<Set<String>> expected = new ArrayList<>();
        if (requiresAuthentication(resource, method)) {
            schemes.forEach(scheme -> expected.add(Set.of(scheme)));
        }
        return expected;
    }

    static boolean requiresAuthentication(Class<?> resource, Method method) {
        if (has(method, PermitAll.class) && !has(method, RolesAllowed.class, DenyAll.class)) {
            return false;
        }
        return has(method, RolesAllowed.class, DenyAll.class) || has(resource, RolesAllowed.class, DenyAll.class);
    }

    @SafeVarargs
    private static boolean has(AnnotatedElement element, Class<? extends Annotation>... types) {
        return Arrays.stream(types).anyMatch(element::isAnnotationPresent);
    }

    static List<Set<String>> security(JsonNode operation) {
        List<Set<String>> alternatives = new ArrayList<>();
        operation.path("security").forEach(requirement -> {
            Set<String> names = new LinkedHashSet<>();
            requirement.fieldNames().forEachRemaining(names::add);
            alternatives.add(names);
        });
        return alternatives;
    }

    /** A request the server answers, and the status it answers with. */
    record Sample(String method, String path, String contentType, String body, String authorization, int status) {

        @Override
        public String toString() {
            return method + " " + path + " -> " + status;
        }
    }

    static Stream<Sample> answers() {
        String admin = TestUsers.ADMIN.basic();
        String login = "{\"username\": \"" + TestUsers.ADMIN.username() + "\", \"password\": \""
                + TestUsers.ADMIN.password() + "\"}";
        return Stream.of(
                new Sample("POST", "/api/token/", "application/json", login, null, 200),
                new Sample("POST", "/api/token/", "application/json", "{}", null, 400),
                new Sample(
                        "POST",
                        "/api/token/",
                        "application/json",
                        "{\"username\": \"nobody\", \"password\": \"x\"}",
                        null,
                        401),
                new Sample("POST", "/api/token/", "text/plain", "x", null, 415),
                new Sample(
                        "POST", "/api/token/refresh/", "application/json", "{\"refresh\": \"not.a.jwt\"}", null, 401),
                new Sample("POST", "/api/token/verify/", "application/json", "{\"token\": \"not.a.jwt\"}", null, 401),
                new Sample("POST", "/api/auth-token/", "application/json", login, null, 200),
                new Sample(
                        "POST",
                        "/api/auth-token/",
                        "application/json",
                        "{\"username\": \"nobody\", \"password\": \"x\"}",
                        null,
                        400),
                new Sample("GET", "/api/hello/", null, null, null, 401),
                new Sample("GET", "/api/hello/", null, null, "Bearer not.a.jwt", 401),
                new Sample("GET", "/api/hello/", null, null, admin, 200),
                new Sample("GET", "/api/admin/", null, null, admin, 200),
                new Sample("GET", "/api/public/", null, null, null, 200),
                new Sample("GET", "/api/greeting/", null, null, null, 200),
                new Sample("GET", "/api/ci/", null, null, admin, 401),
                new Sample("GET", "/api/users/", null, null, admin, 200),
                new Sample("GET", "/api/users/?limit=2", null, null, admin, 200),
                new Sample("GET", "/api/users/me/", null, null, admin, 200),
                new Sample("GET", "/api/users/no-such-user/", null, null, admin, 404),
                new Sample("POST", "/api/users/", "application/json", "{}", admin, 400),
                new Sample("GET", "/api/auth-tokens/", null, null, admin, 200),
                new Sample("GET", "/.well-known/jwks.json", null, null, null, 200),
                new Sample("GET", "/metrics", null, null, null, 401));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void whatTheServerAnswersIsDocumented(Sample sample) {
        String[] headers =
                sample.authorization() == null ? new String[0] : new String[] {"Authorization", sample.authorization()};
        HttpResponse<String> answer =
                Http.send(sample.method(), sample.path(), sample.contentType(), sample.body(), headers);
        assertEquals(sample.status(), answer.statusCode(), answer.body());

        JsonNode operation = DOCUMENT.path("paths")
                .path(documented(sample.path()))
                .path(sample.method().toLowerCase(Locale.ROOT));
        JsonNode response = resolve(operation.path("responses").path(Integer.toString(sample.status())));
        assertTrue(response.isObject(), sample + " is not documented: " + operation.path("responses"));
        JsonNode schema = response.path("content").path("application/json").path("schema");
        assertTrue(schema.isObject(), sample + ": the document has no JSON schema for this answer");
        Set<ValidationMessage> errors = bodySchema(schema).validate(answer.body(), InputFormat.JSON);
        assertEquals(Set.of(), errors, sample + " answered " + answer.body());
    }

    /** The response, or the component it refers to. */
    static JsonNode resolve(JsonNode response) {
        String ref = response.path("$ref").asText("");
        return ref.isEmpty() ? response : DOCUMENT.at(ref.substring(1));
    }

    /** The documented schema as a JSON Schema of its own, with the document's schemas as its $defs. */
    static JsonSchema bodySchema(JsonNode schema) {
        ObjectNode standalone = JSON.createObjectNode();
        standalone.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        standalone.set("$defs", DOCUMENT.path("components").path("schemas"));
        standalone.putArray("allOf").add(schema);
        String text = standalone.toString().replace("#/components/schemas/", "#/$defs/");
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(text);
    }

    static Stream<JsonNode> operations() {
        List<JsonNode> operations = new ArrayList<>();
        DOCUMENT.path("paths").forEach(path -> path.forEach(operations::add));
        return operations.stream().filter(JsonNode::isObject);
    }

    private static String pathsOf(JsonNode document) {
        List<String> paths = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(paths::add);
        return paths.toString();
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** The URL path JAX-RS serves the method at, trailing slash included, as the document keys it. */
    private static String path(Class<?> resource, Method method) {
        String path = "/" + resource.getAnnotation(Path.class).value();
        if (method.isAnnotationPresent(Path.class)) {
            path += "/" + method.getAnnotation(Path.class).value();
        }
        return path.replaceAll("/+", "/");
    }

    /**
     * The document's key for a request path: the path itself, or else the one template it fits
     * ({@code /api/users/{username}/}). The trailing slash counts: DRF's URLs have it.
     */
    static String documented(String pathAndQuery) {
        String path = pathAndQuery.replaceFirst("\\?.*", "");
        if (DOCUMENT.path("paths").has(path)) {
            return path;
        }
        List<String> templates = new ArrayList<>();
        DOCUMENT.path("paths").fieldNames().forEachRemaining(key -> {
            if (path.matches(key.replaceAll("\\{[^/}]+}", "[^/]+"))) {
                templates.add(key);
            }
        });
        assertEquals(1, templates.size(), path + " fits these documented paths: " + templates);
        return templates.get(0);
    }
}
