package dev.restauth.platform;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes manifests in docker/k8s, checked offline: each object against the API's generated
 * models (unknown fields, missing required fields, wrong types), then what no schema can see —
 * that the pieces fit together and every environment variable names a setting that exists.
 */
class KubernetesManifestsTest {

    static final Path PROJECT = Path.of(System.getProperty("basedir", "."));
    static final Path MANIFESTS = PROJECT.resolve("docker/k8s");

    /** The (apiVersion, kind) pairs the manifests may use, with their models. */
    static final Map<String, Class<?>> MODELS = Map.of(
            "apps/v1 Deployment", V1Deployment.class,
            "v1 Service", V1Service.class,
            "v1 Secret", V1Secret.class,
            "v1 ConfigMap", V1ConfigMap.class,
            "policy/v1 PodDisruptionBudget", V1PodDisruptionBudget.class,
            "autoscaling/v2 HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class);

    /** Variables the image's entry point reads itself (docker/entrypoint, docs/container.md). */
    static final Set<String> IMAGE_VARIABLES = Set.of(
            "DB_PASSWORD_FILE",
            "APITOKENS_PEPPER_FILE",
            "JWT_SIGNING_KEY_FILE",
            "ADMIN_PASSWORD_FILE",
            "WLP_LOGGING_CONSOLE_FORMAT",
            "WLP_LOGGING_CONSOLE_LOGLEVEL",
            "JVM_ARGS");

    @Test
    void everyObjectMatchesTheKubernetesApi() {
        List<Object> objects = objects();
        assertEquals(
                Set.of(MODELS.values().toArray()),
                objects.stream().map(Object::getClass).collect(Collectors.toSet()),
                "one object of each kind");
    }

    @Test
    void theKustomizationListsEveryManifest() {
        Map<String, Object> kustomization = new Yaml().load(read(MANIFESTS.resolve("kustomization.yaml")));
        assertEquals(
                manifestFiles().stream()
                        .map(path -> path.getFileName().toString())
                        .collect(Collectors.toSet()),
                Set.copyOf((List<?>) kustomization.get("resources")));
    }

    @Test
    void theDeploymentRunsSeveralProbedPodsWithResources() {
        V1Deployment deployment = only(V1Deployment.class);
        V1PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        V1Container container = pod.getContainers().get(0);
        Map<String, String> labels =
                deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertAll(
                () -> assertTrue(deployment.getSpec().getReplicas() >= 2, "at least two replicas"),
                () -> assertTrue(
                        labels.entrySet()
                                .containsAll(deployment
                                        .getSpec()
                                        .getSelector()
                                        .getMatchLabels()
                                        .entrySet()),
                        "the selector matches the pod template"),
                () -> assertEquals(1, pod.getContainers().size()),
                () -> assertProbe(container, container.getStartupProbe(), "/health/started"),
                () -> assertProbe(container, container.getLivenessProbe(), "/health/live"),
                () -> assertProbe(container, container.getReadinessProbe(), "/health/ready"),
                () -> assertNotNull(
                        container.getResources().getRequests().get("cpu"), "a CPU request (the HPA needs it)"),
                () -> assertNotNull(container.getResources().getRequests().get("memory")),
                () -> assertEquals(
                        container.getResources().getRequests().get("memory"),
                        container.getResources().getLimits().get("memory"),
                        "memory limit = request: the heap is a share of the limit"),
                () -> assertTrue(container.getSecurityContext().getReadOnlyRootFilesystem()),
                () -> assertTrue(pod.getSecurityContext().getRunAsNonRoot()));
    }

    @Test
    void theSecretsAreMountedFilesOfTheOneSecret() {
        V1Deployment deployment = only(V1Deployment.class);
        V1Secret secret = only(V1Secret.class);
        V1PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        V1Container container = pod.getContainers().get(0);
        V1Volume volume = pod.getVolumes().stream()
                .filter(candidate -> candidate.getSecret() != null)
                .findFirst()
                .orElseThrow();
        assertEquals(secret.getMetadata().getName(), volume.getSecret().getSecretName());
        V1VolumeMount mount = container.getVolumeMounts().stream()
                .filter(candidate -> candidate.getName().equals(volume.getName()))
                .findFirst()
                .orElseThrow();
        Set<String> files = container.getEnv().stream()
                .filter(variable -> variable.getName().endsWith("_FILE"))
                .map(V1EnvVar::getValue)
                .collect(Collectors.toSet());
        Set<String> keys = secret.getStringData().keySet();
        assertEquals(
                keys.stream().map(key -> mount.getMountPath() + "/" + key).collect(Collectors.toSet()),
                files,
                "every key of the Secret is one *_FILE variable");
        assertTrue(
                files.containsAll(Set.of(
                        mount.getMountPath() + "/db-password",
                        mount.getMountPath() + "/apitokens-pepper",
                        mount.getMountPath() + "/jwt-signing-key.pem")),
                "the database password, the pepper and the signing key");
        assertTrue(
                secret.getStringData().values().stream().allMatch(String::isEmpty),
                "no secret value in the repository: empty values stop the container with a clear message");
    }

    @Test
    void everyEnvironmentVariableIsASetting() {
        V1Container container = only(V1Deployment.class)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
        Set<String> settings = settings();
        List<String> names = new ArrayList<>(only(V1ConfigMap.class).getData().keySet());
        Set<String> referenced = new HashSet<>();
        for (V1EnvVar variable : container.getEnv()) {
            names.add(variable.getName());
            if (variable.getValue() != null) {
                Pattern.compile("\\$\\(([A-Z_]+)\\)")
                        .matcher(variable.getValue())
                        .results()
                        .forEach(reference -> referenced.add(reference.group(1)));
            }
        }
        List<String> unknown = names.stream()
                .filter(name ->
                        !settings.contains(name) && !IMAGE_VARIABLES.contains(name) && !referenced.contains(name))
                .toList();
        assertEquals(List.of(), unknown, "not a setting of operations.md nor a variable of the image");
        assertEquals(
                Set.of(),
                referenced.stream().filter(name -> !names.contains(name)).collect(Collectors.toSet()),
                "$(NAME) refers to a variable defined before");
    }

    @Test
    void theServiceAndTheBudgetSelectThePodsAndTheAutoscalerScalesTheDeployment() {
        V1Deployment deployment = only(V1Deployment.class);
        Map<String, String> labels =
                deployment.getSpec().getTemplate().getMetadata().getLabels();
        V1Container container =
                deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        V1Service service = only(V1Service.class);
        V1PodDisruptionBudget budget = only(V1PodDisruptionBudget.class);
        V2HorizontalPodAutoscaler autoscaler = only(V2HorizontalPodAutoscaler.class);
        assertAll(
                () -> assertTrue(labels.entrySet()
                        .containsAll(service.getSpec().getSelector().entrySet())),
                () -> service.getSpec().getPorts().forEach(port -> assertNamesAPort(container, port.getTargetPort())),
                () -> assertTrue(labels.entrySet()
                        .containsAll(
                                budget.getSpec().getSelector().getMatchLabels().entrySet())),
                () -> assertEquals(
                        1,
                        budget.getSpec().getMaxUnavailable().getIntValue(),
                        "one pod at a time, whatever the replicas"),
                () -> assertEquals(
                        deployment.getMetadata().getName(),
                        autoscaler.getSpec().getScaleTargetRef().getName()),
                () -> assertEquals(
                        "Deployment", autoscaler.getSpec().getScaleTargetRef().getKind()),
                () -> assertTrue(autoscaler.getSpec().getMinReplicas() >= 2),
                () -> assertTrue(autoscaler.getSpec().getMaxReplicas()
                        > autoscaler.getSpec().getMinReplicas()),
                () -> assertEquals(
                        "cpu",
                        autoscaler.getSpec().getMetrics().get(0).getResource().getName()));
    }

    @Test
    void thePodsStayWithinPostgresqlsDefaultConnections() {
        Map<String, String> config = only(V1ConfigMap.class).getData();
        int perPod = Integer.parseInt(config.get("DB_POOL_MAX"))
                + Integer.parseInt(config.get("DB_THROTTLE_POOL_MAX"))
                + 1; // the change listener
        int pods = only(V2HorizontalPodAutoscaler.class).getSpec().getMaxReplicas();
        assertTrue(pods * perPod < 100, pods + " pods x " + perPod + " connections: over max_connections=100");
    }

    /** The validator is not vacuous: each of these breaks the Deployment and must be refused. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            an unknown field             | replicas: 2         | replicaz: 2
            a wrong type                 | replicas: 2         | replicas: two
            an unknown nested field      | containerPort: 9080 | containerPortt: 9080
            a missing required field     | '- name: restauth'  | '- stdin: false'
            """)
    void aBrokenManifestIsRefused(String what, String replace, String with) {
        String manifest = read(MANIFESTS.resolve("deployment.yaml"));
        assertTrue(manifest.contains(replace), replace);
        String broken = manifest.replace(replace, with);
        assertThrows(Exception.class, () -> validate(new Yaml().load(broken)), what);
    }

    private static void assertProbe(V1Container container, V1Probe probe, String path) {
        assertNotNull(probe, path);
        assertEquals(path, probe.getHttpGet().getPath());
        assertNamesAPort(container, probe.getHttpGet().getPort());
    }

    private static void assertNamesAPort(V1Container container, IntOrString port) {
        List<V1ContainerPort> ports = container.getPorts();
        assertTrue(
                port.isInteger()
                        ? ports.stream()
                                .anyMatch(candidate ->
                                        candidate.getContainerPort().equals(port.getIntValue()))
                        : ports.stream()
                                .anyMatch(candidate -> port.getStrValue().equals(candidate.getName())),
                "no container port " + port);
    }

    private static <T> T only(Class<T> type) {
        List<T> found =
                objects().stream().filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, found.size(), type.getSimpleName());
        return found.get(0);
    }

    static List<Object> objects() {
        List<Object> objects = new ArrayList<>();
        for (Path file : manifestFiles()) {
            for (Object document : new Yaml().loadAll(read(file))) {
                try {
                    objects.add(validate(document));
                } catch (IOException | JsonParseException | IllegalArgumentException e) {
                    throw new AssertionError(file + ": " + e.getMessage(), e);
                }
            }
        }
        return objects;
    }

    /** Checks one YAML document against its model; the typed object. */
    static Object validate(Object document) throws IOException {
        JsonElement json = new Gson().toJsonTree(document);
        String apiVersion = json.getAsJsonObject().get("apiVersion").getAsString();
        String kind = json.getAsJsonObject().get("kind").getAsString();
        Class<?> model = MODELS.get(apiVersion + " " + kind);
        if (model == null) {
            throw new IllegalArgumentException("no model for " + apiVersion + " " + kind);
        }
        try {
            model.getMethod("validateJsonElement", JsonElement.class).invoke(null, json);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return JSON.getGson().fromJson(json, model);
    }

    static List<Path> manifestFiles() {
        try (Stream<Path> files = Files.list(MANIFESTS)) {
            return files.filter(file -> file.toString().endsWith(".yaml"))
                    .filter(file -> !file.getFileName().toString().equals("kustomization.yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every setting as its environment variable: MicroProfile Config keys and server variables. */
    static Set<String> settings() {
        Stream<String> application = read(PROJECT.resolve("src/main/resources/META-INF/microprofile-config.properties"))
                .lines()
                .map(Pattern.compile("^#? ?([a-z][a-z0-9.-]*)=.*")::matcher)
                .filter(Matcher::matches)
                .map(match -> match.group(1));
        Stream<String> server = Pattern.compile("<variable name=\"([a-z0-9.-]+)\" defaultValue=")
                .matcher(read(PROJECT.resolve("liberty/server.xml")))
                .results()
                .map(match -> match.group(1));
        return Stream.concat(application, server)
                .map(key -> key.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_"))
                .collect(Collectors.toSet());
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
