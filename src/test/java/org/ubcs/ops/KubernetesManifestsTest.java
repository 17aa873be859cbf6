package org.ubcs.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

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
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
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
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The manifests in {@code k8s/} are what a platform team applies; nothing else checks them before a cluster does
 * ({@code kubectl} cannot validate offline). Each kustomization (the base and both overlays) is rendered with
 * {@code kubectl kustomize}, exactly what {@code kubectl apply -k} would send, and every object is parsed as strictly
 * as the API server would (unknown or misplaced fields, wrong types, missing required fields and unknown kinds fail;
 * the CloudNativePG {@code Cluster} against the operator's own CRD schema). Then the promises operators rely on are
 * checked against the application itself: probe paths Quarkus serves, ports that line up, configuration keys that
 * exist, a shutdown that fits the grace period, autoscaling that a drain cannot deadlock, a network policy that
 * admits only what the service needs, an Ingress that keeps {@code /q/*} private, a highly available database, and no
 * Secret in anything {@code kubectl apply -k} applies.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final Path EXAMPLES = K8S.resolve("examples");
    private static final List<String> KUSTOMIZATIONS = List.of("base", "overlays/dev", "overlays/production");
    private static final Path CLUSTER_SOURCE = K8S.resolve("overlays/production/cluster.yaml");
    private static final Path CRDS = Path.of("src/test/resources/k8s-crds");
    private static final Path BROKEN = Path.of("src/test/resources/k8s-broken");
    private static final Path APPLICATION_PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final Path POLICIES = Path.of("src/main/resources/policies");
    private static final Path CONTRACT = Path.of("openapi/openapi.yaml");
    private static final Path POM = Path.of("pom.xml");
    private static final String IMAGE = "ghcr.io/example/ubcs";
    private static final String PLACEHOLDER = "CHANGE-ME";
    /** The keys of the Secret {@code <cluster>-app} that CloudNativePG generates for the application's user. */
    private static final Set<String> CNPG_APP_SECRET_KEYS = Set.of("username", "password", "dbname", "host", "port",
            "uri", "jdbc-uri", "pgpass", "fqdn-uri", "fqdn-jdbc-uri");
    /** Until application.properties sets {@code quarkus.shutdown.delay}, the delay production is planned with. */
    private static final String PLANNED_SHUTDOWN_DELAY = "5s";

    /**
     * What the API server requires of the core kinds we ship and fabric8's model does not check ("Required value"
     * errors). A segment ending in [] visits each element of a list, if the list is there; other segments must exist.
     */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "Deployment", List.of("spec.selector", "spec.template.metadata.labels", "spec.template.spec.containers",
                    "spec.template.spec.containers[].name", "spec.template.spec.containers[].image",
                    "spec.template.spec.containers[].ports[].containerPort",
                    "spec.template.spec.containers[].env[].name",
                    "spec.template.spec.containers[].volumeMounts[].name",
                    "spec.template.spec.containers[].volumeMounts[].mountPath", "spec.template.spec.volumes[].name"),
            "Service", List.of("spec.ports", "spec.ports[].port"),
            "HorizontalPodAutoscaler", List.of("spec.scaleTargetRef.kind", "spec.scaleTargetRef.name",
                    "spec.maxReplicas", "spec.metrics[].type"),
            "NetworkPolicy", List.of("spec.podSelector"),
            "Ingress", List.of("spec.rules[].http.paths", "spec.rules[].http.paths[].pathType",
                    "spec.rules[].http.paths[].backend"));

    private static final KubernetesSerialization STRICT = strictSerialization();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, CrdSchema> CUSTOM_KINDS = customKinds();

    /** One kustomization's output: the core objects, and the custom resources (validated, kept as trees). */
    record Rendering(String name, List<HasMetadata> resources, List<JsonNode> custom) {

        <T extends HasMetadata> List<T> all(Class<T> type) {
            return resources.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends HasMetadata> T only(Class<T> type) {
            List<T> found = all(type);
            assertEquals(1, found.size(), name + ": expected exactly one " + type.getSimpleName());
            return found.get(0);
        }

        Optional<JsonNode> cluster() {
            List<JsonNode> clusters = custom.stream().filter(c -> c.path("kind").asText().equals("Cluster")).toList();
            assertTrue(clusters.size() <= 1, name + ": more than one CloudNativePG Cluster");
            return clusters.stream().findFirst();
        }

        Container container() {
            PodTemplateSpec template = only(Deployment.class).getSpec().getTemplate();
            List<Container> containers = template.getSpec().getContainers();
            assertEquals(1, containers.size(), name + ": one application container");
            return containers.get(0);
        }

        Map<String, String> podLabels() {
            return only(Deployment.class).getSpec().getTemplate().getMetadata().getLabels();
        }

        String configMapValue(String key) {
            return all(ConfigMap.class).stream().map(c -> c.getData().get(key)).filter(v -> v != null).findFirst()
                    .orElseThrow(() -> new AssertionError(name + ": no ConfigMap sets " + key));
        }
    }

    private static Map<String, Rendering> renderings;
    private static List<HasMetadata> examples;
    private static Properties application;

    @BeforeAll
    static void load() throws IOException {
        assertTrue(Files.isDirectory(K8S), "run from the project directory: no " + K8S.toAbsolutePath());
        String kubectl = kubectl();
        renderings = new LinkedHashMap<>();
        for (String name : KUSTOMIZATIONS) {
            List<HasMetadata> resources = new ArrayList<>();
            List<JsonNode> custom = new ArrayList<>();
            for (JsonNode document : documents(render(kubectl, K8S.resolve(name)))) {
                HasMetadata resource = validate("k8s/" + name, document);
                if (resource instanceof GenericKubernetesResource) {
                    custom.add(document);
                } else {
                    resources.add(resource);
                }
            }
            renderings.put(name, new Rendering(name, resources, custom));
        }
        examples = new ArrayList<>();
        for (Path file : yamlFiles(EXAMPLES)) {
            for (JsonNode document : documents(Files.readString(file))) {
                if (!document.path("apiVersion").asText().startsWith("external-secrets.io/")) {
                    examples.add(validate(file.toString(), document));
                }
            }
        }
        application = new Properties();
        try (InputStream in = Files.newInputStream(APPLICATION_PROPERTIES)) {
            application.load(in);
        }
    }

    private static Rendering rendering(String name) {
        return renderings.get(name);
    }

    // ---- What is applied

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "base", "overlays/dev", "overlays/production" })
    void eachKustomizationRendersTheServicesObjectsAndNoOthers(String name) {
        Rendering rendering = rendering(name);
        Set<String> kinds = new TreeSet<>();
        rendering.resources().forEach(r -> kinds.add(r.getKind()));
        rendering.custom().forEach(c -> kinds.add(c.path("kind").asText()));
        Set<String> expected = new TreeSet<>(Set.of("ConfigMap", "Deployment", "Service", "NetworkPolicy"));
        if (!name.equals("overlays/dev")) {
            expected.addAll(Set.of("HorizontalPodAutoscaler", "PodDisruptionBudget"));
        }
        if (name.equals("overlays/production")) {
            expected.addAll(Set.of("Ingress", "Cluster"));
        }
        assertEquals(expected, kinds, name + " renders an unexpected set of kinds");
        Set<String> ids = new HashSet<>();
        for (HasMetadata resource : rendering.resources()) {
            assertTrue(ids.add(resource.getKind() + "/" + resource.getMetadata().getName()), "duplicate " + resource);
            assertNull(resource.getMetadata().getNamespace(),
                    name + ": " + resource.getKind() + " names a namespace; `kubectl apply -k ... -n` chooses it");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "base", "overlays/dev", "overlays/production" })
    void kubectlApplyKNeverAppliesASecret(String name) {
        for (HasMetadata resource : rendering(name).resources()) {
            if (resource instanceof Secret secret) {
                assertTrue(secretData(secret).isEmpty(), name + " would apply Secret " + secret.getMetadata()
                        .getName() + " with data, overwriting the real one; keep it in k8s/examples/");
            }
            Map<String, String> annotations = resource.getMetadata().getAnnotations();
            assertFalse(annotations != null && annotations.containsKey("ubcs.example/purpose"),
                    name + " applies an example: " + resource.getKind() + "/" + resource.getMetadata().getName());
        }
    }

    @Test
    void noKustomizationIncludesTheExamples() throws IOException {
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path kustomization : files.filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
                    .toList()) {
                JsonNode tree = YAML.readTree(kustomization.toFile());
                List<String> referenced = new ArrayList<>();
                tree.path("resources").forEach(r -> referenced.add(r.asText()));
                tree.path("components").forEach(r -> referenced.add(r.asText()));
                tree.path("patches").forEach(p -> referenced.add(p.path("path").asText("")));
                for (String reference : referenced) {
                    Path target = kustomization.getParent().resolve(reference).normalize();
                    assertFalse(target.startsWith(EXAMPLES.normalize()),
                            kustomization + " includes " + reference + ": examples must never be applied");
                }
            }
        }
    }

    @Test
    void theExamplesDocumentTheSecretsAndHoldOnlyPlaceholders() throws IOException {
        List<Secret> secrets = examples.stream().filter(Secret.class::isInstance).map(Secret.class::cast).toList();
        assertFalse(secrets.isEmpty(), "k8s/examples/ documents no Secret");
        for (HasMetadata example : examples) {
            assertTrue(example instanceof Secret, "k8s/examples/ should hold only Secret templates, not "
                    + example.getKind());
        }
        for (Secret secret : secrets) {
            secretData(secret).forEach((key, value) -> assertTrue(value.contains(PLACEHOLDER),
                    secret.getMetadata().getName() + "/" + key + " must be an obvious placeholder containing "
                            + PLACEHOLDER));
        }
        // The External Secrets example, if any, must fill the same Secret with the same keys.
        for (Path file : yamlFiles(EXAMPLES)) {
            for (JsonNode document : documents(Files.readString(file))) {
                if (document.path("kind").asText().equals("ExternalSecret")) {
                    String target = document.path("spec").path("target").path("name").asText();
                    Secret documented = secrets.stream().filter(s -> s.getMetadata().getName().equals(target))
                            .findFirst().orElseThrow(() -> new AssertionError(file + " fills Secret " + target
                                    + ", which no example documents"));
                    Set<String> keys = new TreeSet<>();
                    document.path("spec").path("data").forEach(d -> keys.add(d.path("secretKey").asText()));
                    assertEquals(secretData(documented).keySet(), keys, file + " fills other keys than documented");
                }
            }
        }
    }

    // ---- Strictness: the validator refuses what the API server would

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
        assertTrue(validateText(service.formatted("ports: [{port: 80}]")) instanceof Service);
        assertRejected(service.formatted("portz: [{port: 80}]"), "an unknown field");
        assertRejected(service.formatted("ports: [{port: eighty}]"), "a string for an integer");
        assertRejected(service.formatted("ports: [{port: \"80\"}]"), "a quoted integer");
        assertRejected(service.formatted("ports: {port: 80}"), "an object for a list");
        assertRejected(service.formatted("ports: [{name: http}]"), "a port without its number");
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
        assertRejected("""
                apiVersion: postgresql.cnpg.io/v2
                kind: Cluster
                metadata: {name: probe}
                spec: {instances: 3}
                """, "a custom resource version whose CRD we do not have");
    }

    @Test
    void theValidControlsAreAccepted() {
        assertTrue(validateFile(BROKEN.resolve("deployment-valid.yaml")) instanceof Deployment);
        assertTrue(validateFile(BROKEN.resolve("cluster-valid.yaml")) instanceof GenericKubernetesResource);
    }

    @Test
    void aMisspeltFieldIsRefused() {
        assertRefused("deployment-misspelt-field.yaml", "readinesProbe");
    }

    @Test
    void aWrongTypeIsRefused() {
        assertRefused("deployment-wrong-type.yaml", "terminationGracePeriodSeconds");
    }

    @Test
    void aMissingRequiredFieldIsRefused() {
        assertRefused("deployment-missing-required.yaml", "spec.selector");
    }

    @Test
    void aMisspeltFieldDeepInsideACnpgClusterIsRefused() {
        assertRefused("cluster-misspelt-field.yaml", "/spec/postgresql/synchronous/nmber: unknown field");
    }

    @Test
    void aWrongTypeInACnpgClusterIsRefused() {
        assertRefused("cluster-wrong-type.yaml", "/spec/instances: must be an integer");
    }

    @Test
    void aMissingRequiredFieldOfACnpgClusterIsRefused() {
        assertRefused("cluster-missing-required.yaml", "/spec/postgresql/synchronous: the required field 'number'");
    }

    @Test
    void aValueOutsideACnpgEnumIsRefused() {
        assertRefused("cluster-bad-enum.yaml", "/spec/postgresql/synchronous/method: \"all\" is not one of");
    }

    @Test
    void aMisspeltFieldInACustomResourcesMetadataIsRefused() {
        assertRefused("cluster-misspelt-metadata.yaml", "lables");
    }

    // ---- Probes, ports and metrics

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "base", "overlays/dev", "overlays/production" })
    void probesPointAtTheQuarkusHealthEndpointsOnTheContainersPort(String name) {
        assertTrue(pomDeclares("quarkus-smallrye-health"), "the health endpoints need quarkus-smallrye-health");
        String health = resolve(nonApplicationRoot(), property("quarkus.smallrye-health.root-path", "health"));
        Container container = rendering(name).container();

        assertProbe(container, "startupProbe", container.getStartupProbe(),
                resolve(health, property("quarkus.smallrye-health.startup-path", "started")));
        assertProbe(container, "livenessProbe", container.getLivenessProbe(),
                resolve(health, property("quarkus.smallrye-health.liveness-path", "live")));
        assertProbe(container, "readinessProbe", container.getReadinessProbe(),
                resolve(health, property("quarkus.smallrye-health.readiness-path", "ready")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "base", "overlays/dev", "overlays/production" })
    void theContainerPortIsTheApplicationsPortAndTheServiceTargetsIt(String name) {
        Rendering rendering = rendering(name);
        Container container = rendering.container();
        int applicationPort = applicationPort(container);
        assertTrue(container.getPorts().stream().anyMatch(p -> p.getContainerPort() == applicationPort),
                "the container must expose the port Quarkus listens on, " + applicationPort);

        Service service = rendering.only(Service.class);
        assertEquals("ClusterIP", service.getSpec().getType());
        for (ServicePort port : service.getSpec().getPorts()) {
            assertEquals(applicationPort, containerPort(container, port.getTargetPort()),
                    "Service port " + port.getPort() + " must forward to the application's port");
        }
        assertTrue(service.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == 80),
                "the Service answers on port 80");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "base", "overlays/dev", "overlays/production" })
    void theServiceAndTheDeploymentSelectTheDeploymentsPods(String name) {
        Rendering rendering = rendering(name);
        Deployment deployment = rendering.only(Deployment.class);
        assertSelects(name + ": the Deployment", deployment.getSpec().getSelector(), rendering.podLabels());
        Map<String, String> serviceSelector = rendering.only(Service.class).getSpec().getSelector();
        assertFalse(serviceSelector == null || serviceSelector.isEmpty(), "a Service without a selector routes nowhere");
        assertTrue(rendering.podLabels().entrySet().containsAll(serviceSelector.entrySet()),
                "the Service's selector must match the pods' labels");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "base", "overlays/dev", "overlays/production" })
    void prometheusScrapesTheMetricsEndpoint(String name) {
        assertTrue(pomDeclares("quarkus-micrometer-registry-prometheus"), "metrics need the Prometheus registry");
        Rendering rendering = rendering(name);
        Map<String, String> annotations = rendering.only(Deployment.class).getSpec().getTemplate().getMetadata()
                .getAnnotations();
        assertEquals("true", annotations.get("prometheus.io/scrape"));
        assertEquals(resolve(nonApplicationRoot(), property("quarkus.micrometer.export.prometheus.path", "metrics")),
                annotations.get("prometheus.io/path"));
        int port = Integer.parseInt(annotations.getOrDefault("prometheus.io/port", "-1"));
        assertTrue(rendering.container().getPorts().stream().anyMatch(p -> p.getContainerPort() == port),
                "prometheus.io/port must be a port of the container, not " + port);
    }

    // ---- Replicas, autoscaling, disruptions and roll-outs

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "base", "overlays/production" })
    void theAutoscalerOwnsTheReplicasAndADrainCanAlwaysEvictOnePod(String name) {
        Rendering rendering = rendering(name);
        Deployment deployment = rendering.only(Deployment.class);
        HorizontalPodAutoscaler hpa = rendering.only(HorizontalPodAutoscaler.class);
        assertNull(deployment.getSpec().getReplicas(), name + ": with an autoscaler, spec.replicas in the Deployment"
                + " resets the pod count on every `kubectl apply`; leave it out");
        var target = hpa.getSpec().getScaleTargetRef();
        assertEquals("apps/v1", target.getApiVersion());
        assertEquals("Deployment", target.getKind());
        assertEquals(deployment.getMetadata().getName(), target.getName(), "the autoscaler scales another object");
        int min = hpa.getSpec().getMinReplicas() == null ? 1 : hpa.getSpec().getMinReplicas();
        assertTrue(min >= 2, "at least two pods, so one survives a node loss or an eviction; minReplicas is " + min);
        assertTrue(hpa.getSpec().getMaxReplicas() > min, "the autoscaler cannot scale: max <= min");

        MetricSpec cpu = hpa.getSpec().getMetrics().stream().filter(m -> m.getResource() != null
                && m.getResource().getName().equals("cpu")).findFirst()
                .orElseThrow(() -> new AssertionError("the autoscaler does not scale on CPU"));
        assertEquals("Utilization", cpu.getResource().getTarget().getType());
        Integer utilisation = cpu.getResource().getTarget().getAverageUtilization();
        assertTrue(utilisation != null && utilisation > 0 && utilisation < 100, "CPU target " + utilisation + " %");
        assertNotNull(rendering.container().getResources().getRequests().get("cpu"),
                "CPU utilisation is a share of the CPU request: without one the autoscaler cannot act");

        PodDisruptionBudget pdb = rendering.only(PodDisruptionBudget.class);
        assertSelects(name + ": the PodDisruptionBudget", pdb.getSpec().getSelector(), rendering.podLabels());
        IntOrString maxUnavailable = pdb.getSpec().getMaxUnavailable();
        IntOrString minAvailable = pdb.getSpec().getMinAvailable();
        assertTrue(maxUnavailable == null ^ minAvailable == null, "a PodDisruptionBudget sets exactly one limit");
        if (maxUnavailable != null) {
            assertTrue(maxUnavailable.getIntVal() != null && maxUnavailable.getIntVal() >= 1,
                    "maxUnavailable " + maxUnavailable + " would block every node drain");
        } else {
            assertTrue(minAvailable.getIntVal() != null && minAvailable.getIntVal() < min,
                    "minAvailable " + minAvailable + " with " + min + " pods would block every node drain");
        }
    }

    @Test
    void devRunsOnePodWithoutAutoscalerOrDisruptionBudget() {
        Rendering dev = rendering("overlays/dev");
        assertEquals(1, dev.only(Deployment.class).getSpec().getReplicas());
        assertTrue(dev.all(HorizontalPodAutoscaler.class).isEmpty(), "dev has no autoscaler");
        assertTrue(dev.all(PodDisruptionBudget.class).isEmpty(), "with one pod a budget only blocks drains");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "base", "overlays/dev", "overlays/production" })
    void rollOutsKeepCapacityAndResourcesAreSized(String name) {
        Deployment deployment = rendering(name).only(Deployment.class);
        var strategy = deployment.getSpec().getStrategy();
        assertEquals("RollingUpdate", strategy.getType());
        assertEquals(0, strategy.getRollingUpdate().getMaxUnavailable().getIntVal(),
                "a roll-out must start a new pod before stopping an old one");
        var resources = rendering(name).container().getResources();
        for (String kind : List.of("cpu", "memory")) {
            assertNotNull(resources.getRequests().get(kind), "no " + kind + " request");
            assertNotNull(resources.getLimits().get(kind), "no " + kind + " limit");
            assertTrue(resources.getRequests().get(kind).getNumericalAmount()
                    .compareTo(resources.getLimits().get(kind).getNumericalAmount()) <= 0,
                    kind + " request above its limit");
        }
    }

    /**
     * On termination the pod first sleeps (preStop) while endpoints and ingress controllers stop sending to it, then
     * SIGTERM starts Quarkus's shutdown: the delay (readiness DOWN, still serving), then up to the timeout for
     * requests in flight. All of it must fit before the kubelet's SIGKILL.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "base", "overlays/dev", "overlays/production" })
    void gracefulShutdownFitsInTheTerminationGracePeriod(String name) {
        Rendering rendering = rendering(name);
        var lifecycle = rendering.container().getLifecycle();
        assertNotNull(lifecycle, "no lifecycle: the pod stops while still receiving new requests");
        var preStop = lifecycle.getPreStop();
        assertNotNull(preStop, "no preStop hook");
        assertNull(preStop.getExec(), "preStop must not need a shell or binaries in the image: use `sleep`");
        assertNotNull(preStop.getSleep(), "preStop must be the native sleep action");
        long preStopSeconds = preStop.getSleep().getSeconds();
        assertTrue(preStopSeconds >= 5, "endpoints take seconds to drop a terminating pod; preStop sleeps only "
                + preStopSeconds + " s");

        String timeoutText = property("quarkus.shutdown.timeout", null);
        assertNotNull(timeoutText, "application.properties sets no quarkus.shutdown.timeout (prod): Quarkus would not"
                + " wait for requests in flight");
        long timeout = duration(timeoutText).toSeconds();
        long delay = duration(property("quarkus.shutdown.delay", PLANNED_SHUTDOWN_DELAY)).toSeconds();
        Long grace = rendering.only(Deployment.class).getSpec().getTemplate().getSpec()
                .getTerminationGracePeriodSeconds();
        assertNotNull(grace, "terminationGracePeriodSeconds defaults to 30 s; size it");
        assertTrue(grace >= preStopSeconds + delay + timeout, "terminationGracePeriodSeconds " + grace
                + " < preStop " + preStopSeconds + " + shutdown delay " + delay + " + shutdown timeout " + timeout
                + ": the kubelet would SIGKILL requests in flight");
    }

    // ---- Images

    @Test
    void theBaseNamesTheImageAndProductionPinsItByDigest() {
        assertEquals(IMAGE, rendering("base").container().getImage(),
                "the base names the image only; overlays choose the tag or digest");
        String production = rendering("overlays/production").container().getImage();
        assertTrue(production.matches(Pattern.quote(IMAGE) + "@sha256:[0-9a-f]{64}"),
                "production runs an image pinned by digest (immutable), not " + production);
        String dev = rendering("overlays/dev").container().getImage();
        assertTrue(dev.startsWith(IMAGE + ":") || dev.startsWith(IMAGE + "@"), "dev sets a tag or digest: " + dev);
    }

    // ---- Network policy

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "base", "overlays/dev", "overlays/production" })
    void theNetworkPolicyAdmitsOnlyTheIngressControllerFrontEndAndMonitoringOnTheApplicationsPort(String name) {
        Rendering rendering = rendering(name);
        NetworkPolicy policy = rendering.only(NetworkPolicy.class);
        assertSelects(name + ": the NetworkPolicy", policy.getSpec().getPodSelector(), rendering.podLabels());
        assertEquals(Set.of("Ingress", "Egress"), Set.copyOf(policy.getSpec().getPolicyTypes()),
                "both directions default to deny");
        int applicationPort = applicationPort(rendering.container());
        Set<String> namespaces = new TreeSet<>();
        for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
            assertFalse(rule.getPorts().isEmpty(), "an ingress rule without ports admits every port");
            for (NetworkPolicyPort port : rule.getPorts()) {
                assertEquals(applicationPort, port.getPort().getIntVal(), "ingress only to the application's port");
                assertEquals("TCP", port.getProtocol());
            }
            assertFalse(rule.getFrom().isEmpty(), "an ingress rule without peers admits everyone");
            for (NetworkPolicyPeer peer : rule.getFrom()) {
                assertNull(peer.getIpBlock(), "ingress by IP range bypasses the namespace boundary");
                namespaces.add(namespaceName(peer));
            }
        }
        assertTrue(namespaces.contains("ingress-nginx"), "the ingress controller's namespace must be admitted");
        assertEquals(3, namespaces.size(), "ingress from exactly the ingress controller, the front-end and the"
                + " monitoring namespaces, not " + namespaces);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "base", "overlays/dev", "overlays/production" })
    void theNetworkPolicyLetsOutOnlyDatabaseMailIdentityProviderAndDns(String name) {
        Rendering rendering = rendering(name);
        NetworkPolicy policy = rendering.only(NetworkPolicy.class);
        Map<String, List<NetworkPolicyPeer>> peersByPort = new TreeMap<>();
        for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
            assertFalse(rule.getPorts().isEmpty(), "an egress rule without ports lets out every port");
            assertFalse(rule.getTo().isEmpty(), "an egress rule without peers lets out to everywhere");
            for (NetworkPolicyPort port : rule.getPorts()) {
                String key = port.getProtocol() + "/" + port.getPort().getIntVal();
                peersByPort.computeIfAbsent(key, k -> new ArrayList<>()).addAll(rule.getTo());
            }
        }
        int databasePort = databaseUrl(rendering).getPort();
        int mailPort = Integer.parseInt(rendering.configMapValue("QUARKUS_MAILER_PORT"));
        URI jwks = URI.create(rendering.configMapValue("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
        int jwksPort = jwks.getPort() == -1 ? 443 : jwks.getPort();
        assertEquals(new TreeSet<>(Set.of("TCP/" + databasePort, "TCP/" + mailPort, "TCP/" + jwksPort, "UDP/53",
                "TCP/53")), peersByPort.keySet(), "egress to PostgreSQL (the ConfigMap's URL), the SMTP relay"
                        + " (QUARKUS_MAILER_PORT), the identity provider's JWKS and DNS, nothing else");
        for (String dns : List.of("UDP/53", "TCP/53")) {
            for (NetworkPolicyPeer peer : peersByPort.get(dns)) {
                assertEquals("kube-system", namespaceName(peer), "DNS only to the cluster DNS in kube-system");
            }
        }
        for (NetworkPolicyPeer peer : peersByPort.get("TCP/" + databasePort)) {
            assertNull(peer.getIpBlock(), "the database is in the cluster: select its pods, not addresses");
            assertNotNull(peer.getPodSelector(), "select the database's pods");
            rendering.cluster().ifPresent(cluster -> assertEquals(
                    Map.of("cnpg.io/cluster", cluster.path("metadata").path("name").asText()),
                    peer.getPodSelector().getMatchLabels(), "PostgreSQL egress must select the CloudNativePG"
                            + " cluster's instances (every one: any may become primary)"));
        }
    }

    // ---- Ingress

    @Test
    void theIngressPublishesEveryApiPathAndNothingUnderQ() throws IOException {
        Rendering production = rendering("overlays/production");
        Ingress ingress = production.only(Ingress.class);
        assertNotNull(ingress.getSpec().getIngressClassName(), "name the ingress class; the default may be another");
        Set<String> tlsHosts = new HashSet<>();
        ingress.getSpec().getTls().forEach(tls -> tlsHosts.addAll(tls.getHosts()));
        Service service = production.only(Service.class);
        Set<String> routed = new TreeSet<>();
        for (IngressRule rule : ingress.getSpec().getRules()) {
            assertTrue(tlsHosts.contains(rule.getHost()), rule.getHost() + " is served without TLS");
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                String p = path.getPath();
                assertFalse(p == null || p.isEmpty() || p.equals("/"), "routing `/` publishes /q/* as well");
                assertFalse(p.startsWith("/q"), p + " publishes Quarkus's metrics, health, OpenAPI or Swagger UI");
                assertTrue(Set.of("Prefix", "Exact").contains(path.getPathType()),
                        p + ": ImplementationSpecific may match more than it says");
                var backend = path.getBackend().getService();
                assertEquals(service.getMetadata().getName(), backend.getName(), p + " routes to another Service");
                assertTrue(service.getSpec().getPorts().stream().anyMatch(sp -> backend.getPort().getName() != null
                        ? backend.getPort().getName().equals(sp.getName())
                        : backend.getPort().getNumber().equals(sp.getPort())), p + " routes to a port the Service lacks");
                routed.add(p);
            }
        }
        Set<String> contract = new TreeSet<>();
        YAML.readTree(CONTRACT.toFile()).path("paths").fieldNames()
                .forEachRemaining(p -> contract.add(p.replaceFirst("^(/[^/]+).*$", "$1")));
        assertEquals(contract, routed, "the Ingress must route exactly the top-level paths of " + CONTRACT
                + " (a missing one is a 404 from the controller for callers)");
    }

    // ---- Database

    @Test
    void productionRunsAHighlyAvailableCnpgClusterWithSynchronousReplication() {
        JsonNode cluster = rendering("overlays/production").cluster()
                .orElseThrow(() -> new AssertionError("production has no CloudNativePG Cluster"));
        JsonNode spec = cluster.path("spec");
        int instances = spec.path("instances").asInt();
        assertTrue(instances >= 3, "a primary and two standbys, so one standby can be lost without blocking"
                + " synchronous commits; instances is " + instances);
        JsonNode synchronous = spec.path("postgresql").path("synchronous");
        assertFalse(synchronous.isMissingNode(), "without synchronous replication a failover can lose commits the"
                + " service has already acknowledged");
        assertEquals("any", synchronous.path("method").asText(), "quorum: any standby may confirm");
        int number = synchronous.path("number").asInt();
        assertTrue(number >= 1 && number < instances, "synchronous.number " + number + " of " + (instances - 1)
                + " standbys: commits would block whenever one is down");
        assertFalse(synchronous.path("dataDurability").asText("required").equals("preferred"),
                "`preferred` silently drops to asynchronous replication");
        assertEquals("required", spec.path("affinity").path("podAntiAffinityType").asText("preferred"),
                "instances on one node fail together");
    }

    @Test
    void theServiceUsesTheClustersReadWriteServiceAndGeneratedAppSecret() {
        Rendering production = rendering("overlays/production");
        JsonNode cluster = production.cluster().orElseThrow();
        String name = cluster.path("metadata").path("name").asText();
        String database = cluster.path("spec").path("bootstrap").path("initdb").path("database").asText("app");
        for (String key : List.of("QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL")) {
            URI url = URI.create(production.configMapValue(key).replaceFirst("^jdbc:", ""));
            assertEquals(name + "-rw", url.getHost(), key + " must use the read-write Service, which follows the"
                    + " primary through switch-overs");
            assertEquals("/" + database, url.getPath(), key + " names another database than the cluster creates");
        }
        Container container = production.container();
        for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
            var ref = container.getEnv().stream().filter(e -> e.getName().equals(variable)).findFirst()
                    .orElseThrow().getValueFrom().getSecretKeyRef();
            assertEquals(name + "-app", ref.getName(), variable + " must come from the operator's app Secret");
        }
    }

    @Test
    void theDatabaseAcceptsEveryPodsConnectionPoolAtTheAutoscalersMaximum() {
        Rendering production = rendering("overlays/production");
        JsonNode parameters = production.cluster().orElseThrow().path("spec").path("postgresql").path("parameters");
        int maxConnections = Integer.parseInt(parameters.path("max_connections").asText("100"));
        int pool = Integer.parseInt(property("quarkus.datasource.reactive.max-size", "20"));
        int pods = production.only(HorizontalPodAutoscaler.class).getSpec().getMaxReplicas();
        int needed = pods * (pool + 2) + 10; // + Flyway's JDBC connections at start-up; + operator and replication
        assertTrue(maxConnections >= needed, "max_connections " + maxConnections + " < " + pods + " pods x (" + pool
                + " + 2) + 10: pods scaled out would fail to connect");
    }

    @Test
    void backupsAreDescribedAndTurningThemOnGivesAValidCluster() throws IOException {
        JsonNode cluster = rendering("overlays/production").cluster().orElseThrow();
        JsonNode backup = cluster.path("spec").path("backup");
        if (backup.isMissingNode()) {
            // Off: the commented block in cluster.yaml is what turning it on means; it must be valid when uncommented.
            List<String> lines = Files.readAllLines(CLUSTER_SOURCE);
            int begin = lines.indexOf("  # BEGIN backup");
            int end = lines.indexOf("  # END backup");
            assertTrue(begin >= 0 && end > begin, CLUSTER_SOURCE + " describes no backup (# BEGIN backup ... # END"
                    + " backup) and none is active");
            String block = lines.subList(begin + 1, end).stream().map(l -> l.replaceFirst("^  # ?", ""))
                    .collect(Collectors.joining("\n"));
            backup = YAML.readTree(block).path("backup");
            ObjectNode on = cluster.deepCopy();
            ((ObjectNode) on.path("spec")).set("backup", backup);
            List<String> faults = CUSTOM_KINDS.get("postgresql.cnpg.io/v1/Cluster").validate(on);
            assertTrue(faults.isEmpty(), "the commented backup block, uncommented, is invalid: " + faults);
        }
        assertFalse(backup.path("barmanObjectStore").path("destinationPath").asText().isEmpty(),
                "the backup names no object store");
        assertFalse(backup.path("retentionPolicy").asText().isEmpty(), "backups without retention grow forever");
    }

    // ---- Configuration

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "base", "overlays/dev", "overlays/production" })
    void everyVariableTheDeploymentReadsExistsWhereItReadsIt(String name) {
        Rendering rendering = rendering(name);
        Container container = rendering.container();
        Set<String> configMapKeysRead = new HashSet<>();
        for (EnvVar env : container.getEnv()) {
            if (env.getValueFrom() == null) {
                continue;
            }
            var configMapRef = env.getValueFrom().getConfigMapKeyRef();
            var secretRef = env.getValueFrom().getSecretKeyRef();
            if (configMapRef != null) {
                assertTrue(configMapKeys(rendering, configMapRef.getName()).contains(configMapRef.getKey()),
                        env.getName() + " reads key " + configMapRef.getKey() + " that ConfigMap "
                                + configMapRef.getName() + " does not have");
                configMapKeysRead.add(configMapRef.getName() + "/" + configMapRef.getKey());
            }
            if (secretRef != null) {
                assertTrue(secretKeys(rendering, secretRef.getName()).contains(secretRef.getKey()),
                        name + ": " + env.getName() + " reads key " + secretRef.getKey() + " of Secret "
                                + secretRef.getName() + ", which neither the CloudNativePG operator generates nor"
                                + " k8s/examples/ documents");
            }
        }
        for (EnvFromSource from : container.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                configMapKeys(rendering, from.getConfigMapRef().getName()); // must exist
            }
            if (from.getSecretRef() != null) {
                secretKeys(rendering, from.getSecretRef().getName()); // must be documented
            }
        }
        // And the other way round: a setting added to the ConfigMap but never read does nothing.
        if (container.getEnvFrom().isEmpty()) {
            for (ConfigMap configMap : rendering.all(ConfigMap.class)) {
                for (String key : configMap.getData().keySet()) {
                    assertTrue(configMapKeysRead.contains(configMap.getMetadata().getName() + "/" + key),
                            "ConfigMap key " + key + " is not read by the Deployment");
                }
            }
        }
        for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
            assertTrue(container.getEnv().stream().anyMatch(e -> e.getName().equals(variable)
                    && e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null),
                    variable + " must come from a Secret");
        }
        for (String variable : List.of("UBCS_POLICY_ACTIVE", "MP_JWT_VERIFY_ISSUER", "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                "MP_JWT_VERIFY_AUDIENCES", "QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL")) {
            assertTrue(container.getEnv().stream().anyMatch(e -> e.getName().equals(variable)
                    && e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null),
                    variable + " must come from the ConfigMap");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "base", "overlays/dev", "overlays/production" })
    void theDatabaseUrlsAgreeAndCarryNoCredentials(String name) {
        Rendering rendering = rendering(name);
        String reactive = rendering.configMapValue("QUARKUS_DATASOURCE_REACTIVE_URL");
        String jdbc = rendering.configMapValue("QUARKUS_DATASOURCE_JDBC_URL");
        assertTrue(reactive.startsWith("postgresql://"), "the reactive URL: postgresql://host:port/database");
        assertEquals("jdbc:" + reactive, jdbc, "Flyway (JDBC) and Hibernate Reactive must use the same database");
        assertFalse(reactive.contains("@") || reactive.matches("(?i).*(password|user)=.*"),
                "the URLs are in a ConfigMap: credentials come from the Secret, not from the URL");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "base", "overlays/dev", "overlays/production" })
    void theActivePolicyProfileIsOneThatShips(String name) throws IOException {
        Set<String> shipped;
        try (Stream<Path> files = Files.list(POLICIES)) {
            shipped = files.map(f -> f.getFileName().toString())
                    .filter(file -> file.endsWith(".properties"))
                    .map(file -> file.substring(0, file.length() - ".properties".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertFalse(shipped.isEmpty(), "no policy profiles in " + POLICIES);
        String active = rendering(name).configMapValue("UBCS_POLICY_ACTIVE");
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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "base", "overlays/dev", "overlays/production" })
    void tokensAreVerifiedAgainstTheIdentityProvider(String name) {
        Rendering rendering = rendering(name);
        String location = rendering.configMapValue("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        assertTrue(location.startsWith("https://"),
                "production fetches the identity provider's keys (JWKS) over HTTPS, not " + location);
        assertFalse(rendering.configMapValue("MP_JWT_VERIFY_ISSUER").isBlank(), "the token issuer must be set");
        // Empty, it would stop the service from starting (it never means "any audience").
        assertFalse(rendering.configMapValue("MP_JWT_VERIFY_AUDIENCES").isBlank(),
                "the audience of the tokens must be set");
    }

    // ---- Hardening

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "base", "overlays/dev", "overlays/production" })
    void noCredentialIsWrittenIntoAConfigMapOrTheDeployment(String name) {
        Rendering rendering = rendering(name);
        for (ConfigMap configMap : rendering.all(ConfigMap.class)) {
            for (String key : configMap.getData().keySet()) {
                assertFalse(key.matches("(?i).*(PASSWORD|SECRET|CREDENTIAL|PRIVATE).*"),
                        "ConfigMap key " + key + " looks like a credential: put it in a Secret");
            }
        }
        for (EnvVar env : rendering.container().getEnv()) {
            assertFalse(env.getValue() != null && env.getName().matches("(?i).*(PASSWORD|SECRET|CREDENTIAL|USERNAME).*"),
                    env.getName() + " is written into the Deployment; read it from a Secret");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "base", "overlays/dev", "overlays/production" })
    void theContainerRunsHardened(String name) {
        Rendering rendering = rendering(name);
        PodSpec pod = rendering.only(Deployment.class).getSpec().getTemplate().getSpec();
        Container container = rendering.container();
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
        assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), "the service never calls the API server");

        VolumeMount tmp = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                .findFirst().orElseThrow(() -> new AssertionError("a read-only root needs a writable /tmp"));
        Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmp.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no volume named " + tmp.getName()));
        assertNotNull(volume.getEmptyDir(), "/tmp must be an emptyDir");
    }

    // ---- Rendering and validation

    /**
     * kubectl renders the kustomizations. Not finding it is a failure, never a skip: a skipped test would let broken
     * manifests through CI unnoticed.
     */
    private static String kubectl() {
        String configured = System.getenv("KUBECTL");
        if (configured != null && !configured.isBlank()) {
            assertTrue(Files.isExecutable(Path.of(configured)), "KUBECTL is " + configured + ", which is not an"
                    + " executable file; KubernetesManifestsTest renders k8s/ with `kubectl kustomize`");
            return configured;
        }
        List<String> candidates = new ArrayList<>();
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            candidates.add(Path.of(directory, "kubectl").toString());
        }
        candidates.addAll(List.of("/usr/bin/kubectl", "/usr/local/bin/kubectl"));
        return candidates.stream().filter(c -> Files.isExecutable(Path.of(c))).findFirst()
                .orElseThrow(() -> new AssertionError("kubectl not found (looked at $KUBECTL, the PATH, /usr/bin and"
                        + " /usr/local/bin). KubernetesManifestsTest renders k8s/base and k8s/overlays/* with"
                        + " `kubectl kustomize`: install kubectl 1.27 or newer (kustomize v5), or set KUBECTL to its"
                        + " path."));
    }

    private static String render(String kubectl, Path directory) throws IOException {
        Path errors = Files.createTempFile("kubectl-kustomize", ".err");
        try {
            Process process = new ProcessBuilder(kubectl, "kustomize", directory.toString())
                    .redirectError(errors.toFile()).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("`kubectl kustomize " + directory + "` did not finish in 60 s");
            }
            if (process.exitValue() != 0) {
                fail("`kubectl kustomize " + directory + "` failed (exit " + process.exitValue() + "): "
                        + Files.readString(errors));
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static List<JsonNode> documents(String yaml) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (values.hasNext()) {
                JsonNode document = values.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }

    /**
     * One object, as strictly as the API server: core kinds through fabric8's model with unknown fields and type
     * coercions refused plus the required fields fabric8 does not check; custom kinds against their CRD's schema.
     */
    private static HasMetadata validate(String source, JsonNode document) {
        String apiVersion = document.path("apiVersion").asText();
        String kind = document.path("kind").asText();
        String where = source + ": " + kind + "/" + document.path("metadata").path("name").asText("?");
        try {
            String json = new ObjectMapper().writeValueAsString(document);
            HasMetadata resource;
            CrdSchema crd = CUSTOM_KINDS.get(apiVersion + "/" + kind);
            if (crd != null) {
                List<String> faults = crd.validate(document);
                if (!faults.isEmpty()) {
                    throw new IllegalArgumentException(String.join("; ", faults));
                }
                STRICT.unmarshal(new ObjectMapper().writeValueAsString(document.path("metadata")), ObjectMeta.class);
                resource = new ObjectMapper().readValue(json, GenericKubernetesResource.class);
            } else {
                List<HasMetadata> parsed = flatten(where, STRICT.unmarshal(json));
                if (parsed.size() != 1) {
                    throw new IllegalArgumentException("expected one object, found " + parsed.size());
                }
                resource = parsed.get(0);
                for (String required : REQUIRED.getOrDefault(kind, List.of())) {
                    requirePresent(document, required.split("\\."), 0, required);
                }
            }
            if (resource.getMetadata() == null || resource.getMetadata().getName() == null) {
                throw new IllegalArgumentException("metadata.name is required");
            }
            return resource;
        } catch (IOException | RuntimeException e) {
            throw new AssertionError(where + " is not a valid Kubernetes object: " + reasons(e), e);
        }
    }

    /** fabric8 wraps Jackson's precise message (field, path, line) in "An error has occurred": keep every cause's. */
    private static String reasons(Throwable error) {
        List<String> reasons = new ArrayList<>();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !reasons.contains(cause.getMessage())) {
                reasons.add(cause.getMessage());
            }
        }
        return String.join(" <- ", reasons);
    }

    private static void requirePresent(JsonNode node, String[] segments, int index, String required) {
        if (index == segments.length) {
            return;
        }
        String segment = segments[index];
        if (segment.endsWith("[]")) {
            for (JsonNode element : node.path(segment.substring(0, segment.length() - 2))) {
                requirePresent(element, segments, index + 1, required);
            }
            return;
        }
        JsonNode child = node.path(segment);
        if (child.isMissingNode() || child.isNull()) {
            throw new IllegalArgumentException(required + ": Required value");
        }
        requirePresent(child, segments, index + 1, required);
    }

    private static HasMetadata validateText(String yaml) {
        try {
            List<JsonNode> documents = documents(yaml);
            assertEquals(1, documents.size());
            return validate("text", documents.get(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HasMetadata validateFile(Path file) {
        try {
            return validateText(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertRejected(String yaml, String what) {
        assertThrows(AssertionError.class, () -> validateText(yaml), "the validator accepted " + what);
    }

    private static void assertRefused(String file, String naming) {
        AssertionError refusal = assertThrows(AssertionError.class, () -> validateFile(BROKEN.resolve(file)),
                "the validator accepted " + BROKEN.resolve(file));
        assertTrue(refusal.getMessage().contains(naming), "the refusal of " + file + " should name `" + naming
                + "`: " + refusal.getMessage());
    }

    private static Map<String, CrdSchema> customKinds() {
        Map<String, CrdSchema> kinds = new TreeMap<>();
        for (Path file : yamlFiles(CRDS)) {
            kinds.putAll(CrdSchema.load(file));
        }
        return kinds;
    }

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

    private static List<Path> yamlFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                    + generic.getKind() + " (a custom resource needs its CRD in " + CRDS + ")");
        } else if (parsed instanceof HasMetadata resource) {
            resources.add(resource);
        } else if (parsed != null) {
            throw new IllegalArgumentException(source + ": not a Kubernetes object: " + parsed.getClass());
        }
        return resources;
    }

    private static Set<String> configMapKeys(Rendering rendering, String name) {
        return rendering.all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals(name)).findFirst()
                .map(c -> c.getData().keySet())
                .orElseThrow(() -> new AssertionError(rendering.name() + ": the Deployment reads ConfigMap " + name
                        + ", which is not rendered"));
    }

    /** The keys a Secret the Deployment reads will have: generated by CloudNativePG, or documented in examples. */
    private static Set<String> secretKeys(Rendering rendering, String name) {
        Optional<JsonNode> cluster = rendering.cluster()
                .filter(c -> (c.path("metadata").path("name").asText() + "-app").equals(name));
        if (cluster.isPresent()) {
            return CNPG_APP_SECRET_KEYS;
        }
        return examples.stream().filter(Secret.class::isInstance).map(Secret.class::cast)
                .filter(s -> s.getMetadata().getName().equals(name)).findFirst()
                .map(s -> secretData(s).keySet())
                .orElseThrow(() -> new AssertionError(rendering.name() + ": the Deployment reads Secret " + name
                        + ", which neither a CloudNativePG Cluster generates nor k8s/examples/ documents"));
    }

    private static Map<String, String> secretData(Secret secret) {
        Map<String, String> data = new TreeMap<>(secret.getStringData());
        secret.getData().forEach((key, base64) -> data.put(key,
                new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8)));
        return data;
    }

    private static URI databaseUrl(Rendering rendering) {
        URI url = URI.create(rendering.configMapValue("QUARKUS_DATASOURCE_REACTIVE_URL"));
        assertTrue(url.getPort() > 0, "the database URL names no port: " + url);
        return url;
    }

    private static void assertSelects(String what, LabelSelector selector, Map<String, String> podLabels) {
        assertNotNull(selector, what + " has no selector");
        assertTrue(selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty(),
                what + ": use matchLabels");
        Map<String, String> labels = selector.getMatchLabels();
        assertFalse(labels == null || labels.isEmpty(), what + " selects every pod");
        assertTrue(podLabels.entrySet().containsAll(labels.entrySet()), what + " does not select the service's pods");
    }

    /** The namespace a peer admits, by the label Kubernetes sets on every namespace. */
    private static String namespaceName(NetworkPolicyPeer peer) {
        assertNotNull(peer.getNamespaceSelector(), "a peer without a namespaceSelector means this namespace only");
        String namespace = peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
        assertNotNull(namespace, "select namespaces by kubernetes.io/metadata.name, which cannot be spoofed");
        return namespace;
    }

    private static int applicationPort(Container container) {
        return Integer.parseInt(literalEnv(container, "QUARKUS_HTTP_PORT").orElse(property("quarkus.http.port",
                "8080")));
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

    /** A Quarkus duration: a number of seconds, a number with ms/s/m/h/d, or ISO-8601. */
    private static Duration duration(String text) {
        Matcher matcher = Pattern.compile("(\\d+)(ms|s|m|h|d)?").matcher(text.trim());
        if (!matcher.matches()) {
            return Duration.parse(text.trim());
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2) == null ? "s" : matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofSeconds(amount);
        };
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
