package org.ubcs.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The manifests in {@code k8s/} are what a platform team applies; nothing else checks them before a cluster does
 * ({@code kubectl} cannot validate offline). Every file is parsed as strictly as the API server would (unknown or
 * misplaced fields, wrong types and unknown kinds fail), then the promises operators rely on are checked against the
 * application itself: probe paths that Quarkus serves, ports that line up, configuration keys that exist, a policy
 * profile that ships, no committed credentials, and a hardened container.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final Path APPLICATION_PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final Path POLICIES = Path.of("src/main/resources/policies");
    private static final Path POM = Path.of("pom.xml");
    private static final String EXAMPLE_SUFFIX = ".example.yaml";
    private static final String PLACEHOLDER = "CHANGE-ME";

    private static final KubernetesSerialization STRICT = strictSerialization();

    /** One parsed object and the file it came from. */
    record Manifest(Path file, HasMetadata resource) {
    }

    private static List<Manifest> manifests;
    private static Properties application;

    @BeforeAll
    static void load() throws IOException {
        assertTrue(Files.isDirectory(K8S), "run from the project directory: no " + K8S.toAbsolutePath());
        manifests = new ArrayList<>();
        for (Path file : yamlFiles()) {
            for (HasMetadata resource : parse(file)) {
                manifests.add(new Manifest(file, resource));
            }
        }
        application = new Properties();
        try (InputStream in = Files.newInputStream(APPLICATION_PROPERTIES)) {
            application.load(in);
        }
    }

    // ---- Parsing

    @TestFactory
    Stream<DynamicTest> everyYamlFileIsAStrictlyValidKubernetesObject() {
        List<Path> files = yamlFiles();
        assertFalse(files.isEmpty(), "no YAML files in " + K8S.toAbsolutePath());
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            List<HasMetadata> resources = parse(file);
            assertFalse(resources.isEmpty(), file + " holds no Kubernetes object");
            for (HasMetadata resource : resources) {
                assertNotNull(resource.getMetadata(), file + ": an object without metadata");
                assertNotNull(resource.getMetadata().getName(), file + ": an object without a name");
            }
        }));
    }

    /** Guards the guard: if the parser became lenient, every other assertion here would prove less. */
    @Test
    void theStrictParserRejectsWhatTheApiServerWouldReject() {
        String service = """
                apiVersion: v1
                kind: Service
                metadata:
                  name: probe
                spec:
                  %s
                """;
        assertTrue(parseText(service.formatted("ports: [{port: 80}]")).get(0) instanceof Service);
        assertRejected(service.formatted("portz: [{port: 80}]"), "an unknown field");
        assertRejected(service.formatted("ports: [{port: eighty}]"), "a string for an integer");
        assertRejected(service.formatted("ports: [{port: \"80\"}]"), "a quoted integer");
        assertRejected(service.formatted("ports: {port: 80}"), "an object for a list");
        assertRejected("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: probe}
                data: {PORT: 8080}
                """, "a number as a ConfigMap value");
        assertRejected("""
                apiVersion: v1
                kind: Pod
                metadata: {name: probe}
                spec:
                  securityContext: {runAsUser: "185", runAsNonRoot: "true"}
                """, "quoted numbers and booleans");
        assertRejected("""
                apiVersion: v1
                kind: Servise
                metadata: {name: probe}
                """, "an unknown kind");
    }

    // ---- Probes, ports and metrics

    @Test
    void probesPointAtTheQuarkusHealthEndpointsOnTheContainersPort() {
        assertTrue(pomDeclares("quarkus-smallrye-health"), "the health endpoints need quarkus-smallrye-health");
        String health = resolve(nonApplicationRoot(), property("quarkus.smallrye-health.root-path", "health"));
        Container container = container();

        assertProbe(container, "startupProbe", container.getStartupProbe(),
                resolve(health, property("quarkus.smallrye-health.startup-path", "started")));
        assertProbe(container, "livenessProbe", container.getLivenessProbe(),
                resolve(health, property("quarkus.smallrye-health.liveness-path", "live")));
        assertProbe(container, "readinessProbe", container.getReadinessProbe(),
                resolve(health, property("quarkus.smallrye-health.readiness-path", "ready")));
    }

    @Test
    void theContainerPortIsTheApplicationsPortAndTheServiceTargetsIt() {
        Container container = container();
        int applicationPort = Integer.parseInt(literalEnv(container, "QUARKUS_HTTP_PORT")
                .orElse(property("quarkus.http.port", "8080")));
        assertTrue(container.getPorts().stream().anyMatch(p -> p.getContainerPort() == applicationPort),
                "the container must expose the port Quarkus listens on, " + applicationPort);

        Service service = only(Service.class);
        assertEquals("ClusterIP", service.getSpec().getType());
        assertFalse(service.getSpec().getPorts().isEmpty(), "the Service has no ports");
        for (ServicePort port : service.getSpec().getPorts()) {
            assertEquals(applicationPort, containerPort(container, port.getTargetPort()),
                    "Service port " + port.getPort() + " must forward to the application's port");
        }
        assertTrue(service.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == 80),
                "the Service answers on port 80");
    }

    @Test
    void theServiceAndTheDeploymentSelectTheDeploymentsPods() {
        Deployment deployment = only(Deployment.class);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        Map<String, String> deploymentSelector = deployment.getSpec().getSelector().getMatchLabels();
        Map<String, String> serviceSelector = only(Service.class).getSpec().getSelector();

        assertFalse(deploymentSelector.isEmpty(), "the Deployment selects nothing");
        assertTrue(podLabels.entrySet().containsAll(deploymentSelector.entrySet()),
                "the Deployment's selector must match its pod template's labels");
        assertFalse(serviceSelector.isEmpty(), "a Service without a selector routes nowhere");
        assertTrue(podLabels.entrySet().containsAll(serviceSelector.entrySet()),
                "the Service's selector must match the pods' labels");
    }

    @Test
    void prometheusScrapesTheMetricsEndpoint() {
        assertTrue(pomDeclares("quarkus-micrometer-registry-prometheus"), "metrics need the Prometheus registry");
        Map<String, String> annotations = only(Deployment.class).getSpec().getTemplate().getMetadata()
                .getAnnotations();
        assertEquals("true", annotations.get("prometheus.io/scrape"));
        assertEquals(resolve(nonApplicationRoot(), property("quarkus.micrometer.export.prometheus.path", "metrics")),
                annotations.get("prometheus.io/path"));
        int port = Integer.parseInt(annotations.getOrDefault("prometheus.io/port", "-1"));
        assertTrue(container().getPorts().stream().anyMatch(p -> p.getContainerPort() == port),
                "prometheus.io/port must be a port of the container, not " + port);
    }

    @Test
    void twoReplicasWithSizedResources() {
        Deployment deployment = only(Deployment.class);
        assertEquals(2, deployment.getSpec().getReplicas());
        var resources = container().getResources();
        for (String kind : List.of("cpu", "memory")) {
            assertNotNull(resources.getRequests().get(kind), "no " + kind + " request");
            assertNotNull(resources.getLimits().get(kind), "no " + kind + " limit");
            assertTrue(resources.getRequests().get(kind).getNumericalAmount()
                    .compareTo(resources.getLimits().get(kind).getNumericalAmount()) <= 0,
                    kind + " request above its limit");
        }
    }

    // ---- Configuration

    @Test
    void everyVariableTheDeploymentReadsFromAConfigMapOrSecretExistsThere() {
        Container container = container();
        Set<String> configMapKeysRead = new HashSet<>();
        Set<String> secretKeysRead = new HashSet<>();
        for (EnvVar env : container.getEnv()) {
            if (env.getValueFrom() == null) {
                continue;
            }
            var configMapRef = env.getValueFrom().getConfigMapKeyRef();
            var secretRef = env.getValueFrom().getSecretKeyRef();
            if (configMapRef != null) {
                assertTrue(configMapKeys(configMapRef.getName()).contains(configMapRef.getKey()),
                        env.getName() + " reads key " + configMapRef.getKey() + " that ConfigMap "
                                + configMapRef.getName() + " in k8s/ does not have");
                configMapKeysRead.add(configMapRef.getName() + "/" + configMapRef.getKey());
            }
            if (secretRef != null) {
                assertTrue(secretKeys(secretRef.getName()).contains(secretRef.getKey()),
                        env.getName() + " reads key " + secretRef.getKey() + " that the example of Secret "
                                + secretRef.getName() + " does not document");
                secretKeysRead.add(secretRef.getName() + "/" + secretRef.getKey());
            }
        }
        for (EnvFromSource from : container.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                configMapKeys(from.getConfigMapRef().getName()); // must exist
            }
            if (from.getSecretRef() != null) {
                secretKeys(from.getSecretRef().getName()); // must be documented
            }
        }
        // And the other way round: a setting added to the ConfigMap or Secret but never read does nothing.
        if (container.getEnvFrom().isEmpty()) {
            for (ConfigMap configMap : all(ConfigMap.class)) {
                for (String key : configMap.getData().keySet()) {
                    assertTrue(configMapKeysRead.contains(configMap.getMetadata().getName() + "/" + key),
                            "ConfigMap key " + key + " is not read by the Deployment");
                }
            }
            for (Secret secret : all(Secret.class)) {
                for (String key : secretData(secret).keySet()) {
                    assertTrue(secretKeysRead.contains(secret.getMetadata().getName() + "/" + key),
                            "Secret key " + key + " is not read by the Deployment");
                }
            }
        }
        for (String variable : List.of("QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL",
                "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
            assertTrue(container.getEnv().stream().anyMatch(e -> e.getName().equals(variable)
                    && e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null),
                    variable + " must come from a Secret");
        }
        for (String variable : List.of("UBCS_POLICY_ACTIVE", "MP_JWT_VERIFY_ISSUER",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_AUDIENCES")) {
            assertTrue(container.getEnv().stream().anyMatch(e -> e.getName().equals(variable)
                    && e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null),
                    variable + " must come from the ConfigMap");
        }
    }

    @Test
    void theActivePolicyProfileIsOneThatShips() throws IOException {
        Set<String> shipped;
        try (Stream<Path> files = Files.list(POLICIES)) {
            shipped = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".properties"))
                    .map(name -> name.substring(0, name.length() - ".properties".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertFalse(shipped.isEmpty(), "no policy profiles in " + POLICIES);
        String active = configMapValue("UBCS_POLICY_ACTIVE");
        assertTrue(shipped.contains(active), "UBCS_POLICY_ACTIVE is '" + active + "'; shipped are " + shipped);
        Properties profile = new Properties();
        try (InputStream in = Files.newInputStream(POLICIES.resolve(active + ".properties"))) {
            profile.load(in);
        }
        assertNotNull(profile.getProperty("ubcs.policy.profiles." + active + ".council-name"),
                "policies/" + active + ".properties does not define the profile '" + active + "'");
        assertTrue(property("quarkus.config.locations", "").contains("policies/" + active + ".properties"),
                "application.properties does not load policies/" + active + ".properties");
    }

    @Test
    void tokensAreVerifiedAgainstTheIdentityProvider() {
        String location = configMapValue("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        assertTrue(location.startsWith("https://"),
                "production fetches the identity provider's keys (JWKS) over HTTPS, not " + location);
        assertFalse(configMapValue("MP_JWT_VERIFY_ISSUER").isBlank(), "the token issuer must be set");
        // Empty, it would stop the service from starting (it never means "any audience").
        assertFalse(configMapValue("MP_JWT_VERIFY_AUDIENCES").isBlank(), "the audience of the tokens must be set");
    }

    // ---- Secrets and hardening

    @Test
    void noSecretIsCommittedExceptThePlaceholderExample() {
        for (Manifest manifest : manifests) {
            if (manifest.resource() instanceof Secret secret) {
                assertTrue(manifest.file().getFileName().toString().endsWith(EXAMPLE_SUFFIX),
                        manifest.file() + " holds a Secret; only *" + EXAMPLE_SUFFIX + " templates may");
                secretData(secret).forEach((key, value) -> assertTrue(value.contains(PLACEHOLDER),
                        manifest.file() + ": " + key + " must be an obvious placeholder containing " + PLACEHOLDER));
            } else {
                assertFalse(manifest.file().getFileName().toString().endsWith(EXAMPLE_SUFFIX),
                        manifest.file() + " is named as an example but is applied as a " + manifest.resource().getKind());
            }
        }
        for (ConfigMap configMap : all(ConfigMap.class)) {
            for (String key : configMap.getData().keySet()) {
                assertFalse(key.matches("(?i).*(PASSWORD|SECRET|CREDENTIAL|PRIVATE).*"),
                        "ConfigMap key " + key + " looks like a credential: put it in a Secret");
            }
        }
        for (EnvVar env : container().getEnv()) {
            assertFalse(env.getValue() != null && env.getName().matches("(?i).*(PASSWORD|SECRET|CREDENTIAL|USERNAME).*"),
                    env.getName() + " is written into the Deployment; read it from a Secret");
        }
    }

    @Test
    void theContainerRunsHardened() {
        PodSpec pod = only(Deployment.class).getSpec().getTemplate().getSpec();
        Container container = container();
        SecurityContext security = container.getSecurityContext();
        assertNotNull(security, "the container has no securityContext");

        Boolean nonRoot = security.getRunAsNonRoot() != null ? security.getRunAsNonRoot()
                : pod.getSecurityContext() == null ? null : pod.getSecurityContext().getRunAsNonRoot();
        assertEquals(Boolean.TRUE, nonRoot, "runAsNonRoot");
        assertEquals(Boolean.FALSE, security.getAllowPrivilegeEscalation(), "allowPrivilegeEscalation");
        assertEquals(Boolean.TRUE, security.getReadOnlyRootFilesystem(), "readOnlyRootFilesystem");
        assertFalse(Boolean.TRUE.equals(security.getPrivileged()), "privileged");
        assertNotNull(security.getCapabilities(), "capabilities");
        assertEquals(List.of("ALL"), security.getCapabilities().getDrop(), "capabilities.drop");
        assertTrue(security.getCapabilities().getAdd().isEmpty(), "no capabilities added back");

        VolumeMount tmp = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                .findFirst().orElseThrow(() -> new AssertionError("a read-only root needs a writable /tmp"));
        Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmp.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no volume named " + tmp.getName()));
        assertNotNull(volume.getEmptyDir(), "/tmp must be an emptyDir");
    }

    // ---- Helpers

    private static KubernetesSerialization strictSerialization() {
        ObjectMapper mapper = new ObjectMapper();
        // fabric8's model classes collect unknown fields in an @JsonAnySetter map instead of failing. With any-setters
        // switched off, FAIL_ON_UNKNOWN_PROPERTIES applies and a misspelt or misplaced field fails, with its path.
        mapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public Boolean hasAnySetter(Annotated annotated) {
                return Boolean.FALSE;
            }
        });
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // The API server refuses 8080 for a string and "true" for a boolean; Jackson would coerce them.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        KubernetesSerialization serialization = new KubernetesSerialization(mapper, true);
        // fabric8 registers an Integer deserializer that accepts "2"; a module registered later takes precedence.
        mapper.registerModule(new SimpleModule("strict-integers").addDeserializer(Integer.class,
                new StdScalarDeserializer<Integer>(Integer.class) {
                    @Override
                    public Integer deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                            return parser.getIntValue();
                        }
                        return (Integer) context.handleUnexpectedToken(Integer.class, parser);
                    }
                }));
        return serialization;
    }

    private static List<Path> yamlFiles() {
        try (Stream<Path> files = Files.list(K8S)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<HasMetadata> parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return flatten(file.toString(), STRICT.unmarshal(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new AssertionError(file + " is not a valid Kubernetes manifest: " + e.getMessage(), e);
        }
    }

    private static List<HasMetadata> parseText(String yaml) {
        return flatten("text", STRICT.unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
    }

    private static List<HasMetadata> flatten(String source, Object parsed) {
        List<HasMetadata> resources = new ArrayList<>();
        if (parsed instanceof KubernetesList list) {
            parsed = list.getItems();
        }
        if (parsed instanceof List<?> list) {
            for (Object item : list) {
                resources.addAll(flatten(source, item));
            }
        } else if (parsed instanceof GenericKubernetesResource generic) {
            throw new IllegalArgumentException(source + ": unknown kind " + generic.getApiVersion() + "/"
                    + generic.getKind());
        } else if (parsed instanceof HasMetadata resource) {
            resources.add(resource);
        } else if (parsed != null) {
            throw new IllegalArgumentException(source + ": not a Kubernetes object: " + parsed.getClass());
        }
        return resources;
    }

    private static void assertRejected(String yaml, String what) {
        assertThrows(RuntimeException.class, () -> parseText(yaml), "the parser accepted " + what);
    }

    private static <T extends HasMetadata> List<T> all(Class<T> type) {
        return manifests.stream().map(Manifest::resource).filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> T only(Class<T> type) {
        List<T> found = all(type);
        assertEquals(1, found.size(), "expected exactly one " + type.getSimpleName() + " in k8s/");
        return found.get(0);
    }

    private static Container container() {
        PodTemplateSpec template = only(Deployment.class).getSpec().getTemplate();
        List<Container> containers = template.getSpec().getContainers();
        assertEquals(1, containers.size(), "one application container");
        return containers.get(0);
    }

    private static Set<String> configMapKeys(String name) {
        return all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals(name)).findFirst()
                .map(c -> c.getData().keySet())
                .orElseThrow(() -> new AssertionError("the Deployment reads ConfigMap " + name
                        + ", which is not in k8s/"));
    }

    private static Set<String> secretKeys(String name) {
        return all(Secret.class).stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst()
                .map(s -> secretData(s).keySet())
                .orElseThrow(() -> new AssertionError("the Deployment reads Secret " + name
                        + ", which no *" + EXAMPLE_SUFFIX + " in k8s/ documents"));
    }

    private static Map<String, String> secretData(Secret secret) {
        Map<String, String> data = new TreeMap<>(secret.getStringData());
        secret.getData().forEach((key, base64) -> data.put(key,
                new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8)));
        return data;
    }

    private static String configMapValue(String key) {
        return all(ConfigMap.class).stream().map(c -> c.getData().get(key)).filter(v -> v != null).findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap in k8s/ sets " + key));
    }

    private static Optional<String> literalEnv(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name) && e.getValue() != null)
                .map(EnvVar::getValue).findFirst();
    }

    private static int containerPort(Container container, IntOrString port) {
        assertNotNull(port, "a port reference is missing");
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst()
                .orElseThrow(() -> new AssertionError("the container has no port named " + port.getStrVal()));
    }

    private static void assertProbe(Container container, String name, Probe probe, String expectedPath) {
        assertNotNull(probe, "the container has no " + name);
        HTTPGetAction get = probe.getHttpGet();
        assertNotNull(get, name + " must be an HTTP GET on the health endpoint");
        assertEquals(expectedPath, get.getPath(), name + " path");
        int port = containerPort(container, get.getPort());
        assertTrue(container.getPorts().stream().anyMatch(p -> p.getContainerPort() == port),
                name + " probes port " + port + ", which the container does not expose");
    }

    /** The production value of a property in application.properties: {@code %prod.} wins, else the plain key. */
    private static String property(String name, String defaultValue) {
        return application.getProperty("%prod." + name, application.getProperty(name, defaultValue));
    }

    /** Quarkus's rule for its endpoint paths: absolute when they start with '/', else relative to the parent. */
    private static String resolve(String parent, String path) {
        if (path.startsWith("/")) {
            return path;
        }
        return (parent.endsWith("/") ? parent : parent + "/") + path;
    }

    private static String nonApplicationRoot() {
        String root = property("quarkus.http.root-path", "/");
        return resolve(root, property("quarkus.http.non-application-root-path", "q"));
    }

    private static boolean pomDeclares(String artifactId) {
        try {
            return Files.readString(POM).contains("<artifactId>" + artifactId + "</artifactId>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
