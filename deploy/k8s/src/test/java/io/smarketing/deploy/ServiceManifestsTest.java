package io.smarketing.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.Quantity;

/**
 * Each service's Deployment, Service, ConfigMap, PodDisruptionBudget, HorizontalPodAutoscaler and NetworkPolicy, in
 * every environment. They come from one template (GeneratedServiceManifestsTest): what only the template decides is
 * checked once per environment, over the four services' objects since an overlay may patch one by name; what depends
 * on a service's code (health and metrics paths, configuration keys, topics, its database role) per service. That the
 * objects carry the service's name and port from the platform description is true by construction, not checked again.
 */
class ServiceManifestsTest {

    /** Measured (deploy/README.md): a service is ~265 MB resident when idle, on Java 17 with the default heap. */
    static final long MEASURED_IDLE_RSS = 265L * 1000 * 1000;
    /** Metaspace, code cache, thread stacks and Netty's direct buffers: the idle footprint less a small heap, rounded up. */
    static final long NON_HEAP_ALLOWANCE = 200L * 1024 * 1024;
    static final Set<String> REQUIRED_SETTINGS = Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
            "QUARKUS_SHUTDOWN_TIMEOUT");
    private static final Pattern BOOTSTRAP = Pattern.compile("([a-z0-9-]+)-kafka-bootstrap:(\\d+)");

    static List<ServiceCode> services() {
        return ServiceCode.all();
    }

    static Stream<Rendered> environments() {
        return Rendered.all();
    }

    static Stream<Arguments> environmentsAndServices() {
        return Rendered.all().flatMap(environment -> ServiceCode.all().stream().map(service -> Arguments.of(environment, service)));
    }

    // Per service: what depends on its code.

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("environmentsAndServices")
    void probesAndPrometheusUseTheServicesHealthAndMetricsPaths(Rendered environment, ServiceCode service) {
        assertTrue(!service.usesManagementInterface(), "health on the management port would need other probe ports");
        Map<String, Object> container = environment.container(service.module);
        Map<String, String> expected = Map.of("startupProbe", service.healthPath("started"),
                "livenessProbe", service.healthPath("live"), "readinessProbe", service.healthPath("ready"));
        expected.forEach((probe, path) -> assertEquals(path, Tree.string(container, probe + ".httpGet.path"), probe));
        assertEquals(List.of("/q/health/started", "/q/health/live", "/q/health/ready"),
                List.of(service.healthPath("started"), service.healthPath("live"), service.healthPath("ready")),
                "the paths deploy/README.md documents");

        Map<String, Object> annotations = Tree.mapAt(environment.one("Deployment", service.module), "spec.template.metadata.annotations");
        assertEquals("true", annotations.get("prometheus.io/scrape"));
        assertEquals(service.metricsPath(), annotations.get("prometheus.io/path"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("environmentsAndServices")
    void everyEnvironmentVariableSetsAConfigurationKeyTheServiceReads(Rendered environment, ServiceCode service) {
        List<Rendered.EnvVar> variables = environment.environment(service.module);
        List<String> unread = variables.stream().filter(variable -> service.keys.keyOf(variable.name()).isEmpty())
                .map(variable -> variable.name() + " (" + variable.source() + ")").toList();

        assertEquals(List.of(), unread, service + " reads no configuration key for these variables");
        List<String> names = variables.stream().map(Rendered.EnvVar::name).toList();
        assertEquals(new TreeSet<>(names).size(), names.size(), "a variable set twice silently overrides: " + names);
        assertTrue(names.containsAll(REQUIRED_SETTINGS), () -> "missing " + missing(REQUIRED_SETTINGS, names));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("environmentsAndServices")
    void theDatasourceIsTheServicesOwnDatabaseWithItsOwnRole(Rendered environment, ServiceCode service) {
        Map<String, Rendered.EnvVar> env = env(environment, service);
        String url = env.get("QUARKUS_DATASOURCE_JDBC_URL").value();
        String postgres = Tree.name(environment.postgres());

        assertEquals("jdbc:postgresql://" + postgres + "-rw:5432/" + service.databaseName(), url,
                "the primary of the CloudNativePG cluster, and the database of the service's own JDBC URL");
        Rendered.EnvVar user = env.get("QUARKUS_DATASOURCE_USERNAME");
        Rendered.EnvVar password = env.get("QUARKUS_DATASOURCE_PASSWORD");
        assertEquals(new DatabaseRole(service.databaseUser(), user.secret()), roleOwning(environment, service.databaseName()),
                "the database is owned by the service's role, whose Secret the service reads");
        assertEquals(List.of("username", "password", user.secret()), List.of(user.secretKey(), password.secretKey(), password.secret()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("environmentsAndServices")
    void theTokenKeyIsAnHttpsJwksOrAMountedFile(Rendered environment, ServiceCode service) {
        String location = env(environment, service).get("MP_JWT_VERIFY_PUBLICKEY_LOCATION").value();

        if (location.startsWith("/")) {
            Map<String, Object> volume = environment.volumeHolding(service.module, location)
                    .orElseThrow(() -> new AssertionError(location + " is on no mounted volume"));
            assertTrue(volume.containsKey("secret"), "the key comes from a Secret");
            assertEquals(service.config.get("mp.jwt.verify.issuer"), env(environment, service).get("MP_JWT_VERIFY_ISSUER").value(),
                    "the dev tokens' issuer");
        } else {
            assertTrue(location.startsWith("https://"), "a JWKS is fetched over HTTPS: " + location);
        }
    }

    /** Production trusts Keycloak: the issuer is the realm the JWKS belongs to, and tokens must be for the platform. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void productionChecksTheIdentityProvidersIssuerAndTheAudience(ServiceCode service) {
        Rendered prod = Rendered.of("overlays/prod");
        String issuer = env(prod, service).get("MP_JWT_VERIFY_ISSUER").value();
        String jwks = env(prod, service).get("MP_JWT_VERIFY_PUBLICKEY_LOCATION").value();

        assertTrue(issuer.startsWith("https://") && jwks.equals(issuer + "/protocol/openid-connect/certs"),
                "a Keycloak realm's issuer and its JWKS: " + issuer + ", " + jwks);
        assertEquals(service.config.get("mp.jwt.verify.audiences"), env(prod, service).get("MP_JWT_VERIFY_AUDIENCES").value());
    }

    /** An overlay sets each service's replicas by name; its autoscaler's range and the topics it consumes bound them. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("environmentsAndServices")
    void scalingKeepsEveryConsumerBusy(Rendered environment, ServiceCode service) {
        Map<String, Object> autoscaler = environment.one("HorizontalPodAutoscaler", service.module);
        int replicas = ((Number) Tree.at(environment.one("Deployment", service.module), "spec.replicas").orElseThrow()).intValue();
        int min = ((Number) Tree.at(autoscaler, "spec.minReplicas").orElseThrow()).intValue();
        int max = ((Number) Tree.at(autoscaler, "spec.maxReplicas").orElseThrow()).intValue();

        assertTrue(min <= replicas && replicas <= max, "replicas within the autoscaler's range");
        for (String topic : service.consumedTopics()) {
            int partitions = ((Number) Tree.at(environment.one("KafkaTopic", topic), "spec.partitions").orElseThrow()).intValue();
            assertTrue(max <= partitions, () -> "more replicas than partitions of " + topic + " would sit idle");
        }
    }

    // Once per environment: what the template decides, over the four services' objects.

    @ParameterizedTest
    @MethodSource("environments")
    void everyObjectOfAServiceSelectsItsPodsAndReachesItsHttpPort(Rendered environment) {
        for (ServiceCode service : ServiceCode.all()) {
            Map<String, Object> pods = podLabels(environment, service);
            Map<String, Object> container = environment.container(service.module);
            Object containerPort = httpPort(environment, service).get("containerPort");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertEquals(containerPort, resolvePort(environment, service, Tree.at(container, probe + ".httpGet.port").orElseThrow()),
                        service + " " + probe);
            }
            assertEquals(String.valueOf(containerPort), Tree.mapAt(environment.one("Deployment", service.module),
                    "spec.template.metadata.annotations").get("prometheus.io/port"), service + ": Prometheus scrapes the HTTP port");
            Map<String, Object> kubernetesService = environment.one("Service", service.module);
            List<Map<String, Object>> ports = Tree.mapsAt(kubernetesService, "spec.ports");
            assertEquals(1, ports.size(), service.module);
            assertEquals(containerPort, resolvePort(environment, service, ports.get(0).get("targetPort")), service + ": the Service's targetPort");
            assertEquals(containerPort, ports.get(0).get("port"), service + ": other tools reach <service>:<port> as on a laptop");

            Map<String, Map<String, Object>> selectors = Map.of(
                    "Service", Tree.mapAt(kubernetesService, "spec.selector"),
                    "Deployment", Tree.mapAt(environment.one("Deployment", service.module), "spec.selector.matchLabels"),
                    "PodDisruptionBudget", Tree.mapAt(environment.one("PodDisruptionBudget", service.module), "spec.selector.matchLabels"),
                    "NetworkPolicy", Tree.mapAt(environment.one("NetworkPolicy", service.module), "spec.podSelector.matchLabels"));
            selectors.forEach((kind, selector) -> assertTrue(!selector.isEmpty() && pods.entrySet().containsAll(selector.entrySet()),
                    () -> kind + " " + service + " selects the service's pods"));
            assertEquals(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", service.module),
                    Tree.mapAt(environment.one("HorizontalPodAutoscaler", service.module), "spec.scaleTargetRef"));
            assertEquals(1, Tree.at(environment.one("PodDisruptionBudget", service.module), "spec.maxUnavailable").orElse(null),
                    service + ": drains stay possible with one replica");
        }
    }

    @ParameterizedTest
    @MethodSource("environments")
    void theKafkaClientsUseTheTlsListenerWithTheServicesScramUser(Rendered environment) {
        for (ServiceCode service : ServiceCode.all()) {
            Map<String, Rendered.EnvVar> env = env(environment, service);
            Matcher bootstrap = BOOTSTRAP.matcher(env.get("KAFKA_BOOTSTRAP_SERVERS").value());
            assertTrue(bootstrap.matches(), service + ": the bootstrap Service of a Strimzi cluster");
            assertEquals(Tree.name(environment.kafka()), bootstrap.group(1));
            Map<String, Object> listener = environment.kafkaListener(Integer.parseInt(bootstrap.group(2)));

            assertEquals(Boolean.TRUE, listener.get("tls"));
            assertEquals("scram-sha-512", Tree.string(listener, "authentication.type"));
            assertEquals("SASL_SSL", env.get("KAFKA_SECURITY_PROTOCOL").value());
            assertEquals("SCRAM-SHA-512", env.get("KAFKA_SASL_MECHANISM").value());
            Rendered.EnvVar jaas = env.get("KAFKA_SASL_JAAS_CONFIG");
            assertEquals(List.of(service.module, "sasl.jaas.config"), List.of(jaas.secret(), jaas.secretKey()),
                    "the Secret Strimzi makes for the service's KafkaUser (PlatformManifestsTest checks its ACLs)");

            assertEquals("PEM", env.get("KAFKA_SSL_TRUSTSTORE_TYPE").value());
            String truststore = env.get("KAFKA_SSL_TRUSTSTORE_LOCATION").value();
            Map<String, Object> volume = environment.volumeHolding(service.module, truststore)
                    .orElseThrow(() -> new AssertionError(service + ": " + truststore + " is on no mounted volume"));
            assertEquals(Tree.name(environment.kafka()) + "-cluster-ca-cert", Tree.string(volume, "secret.secretName"));
            assertTrue(truststore.endsWith("/ca.crt") && Tree.mapsAt(volume, "secret.items").stream()
                    .anyMatch(item -> "ca.crt".equals(item.get("key")) && "ca.crt".equals(item.get("path"))));
        }
    }

    @ParameterizedTest
    @MethodSource("environments")
    void anOverlayPinsTheImageOfEveryService(Rendered environment) {
        for (ServiceCode service : ServiceCode.all()) {
            Kustomize.ImageReference image = Kustomize.ImageReference.parse(String.valueOf(environment.container(service.module).get("image")));

            assertEquals(service.module, image.repository(), "the image of the service's module (PlatformDescriptionTest)");
            if (!environment.environment.equals("base")) {
                assertNotNull(image.tag(), service + ": an overlay pins the image tag");
                assertTrue(!"latest".equals(image.tag()), service.module);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("environments")
    void thePodsRunHardened(Rendered environment) {
        for (ServiceCode service : ServiceCode.all()) {
            Map<String, Object> pod = environment.podSpec(service.module);
            Map<String, Object> container = environment.container(service.module);

            assertEquals(Boolean.TRUE, Tree.at(pod, "securityContext.runAsNonRoot").orElse(null));
            assertEquals(Dockerfile.of(service).user(), String.valueOf(Tree.at(pod, "securityContext.runAsUser").orElse(null)), service + ": the image's USER");
            assertEquals("RuntimeDefault", Tree.string(pod, "securityContext.seccompProfile.type"));
            assertEquals(Boolean.FALSE, pod.get("automountServiceAccountToken"));
            assertEquals(Boolean.FALSE, pod.get("enableServiceLinks"), "service links would add KAFKA_*-like variables");
            assertEquals(Boolean.TRUE, Tree.at(container, "securityContext.readOnlyRootFilesystem").orElse(null));
            assertEquals(Boolean.FALSE, Tree.at(container, "securityContext.allowPrivilegeEscalation").orElse(null));
            assertEquals(List.of("ALL"), Tree.at(container, "securityContext.capabilities.drop").orElse(null));
            Map<String, Object> tmp = environment.volumeHolding(service.module, "/tmp/x")
                    .orElseThrow(() -> new AssertionError(service + ": no /tmp"));
            assertTrue(tmp.containsKey("emptyDir"), service + ": a writable /tmp");
        }
    }

    @ParameterizedTest
    @MethodSource("environments")
    void shutdownLeavesTimeForRequestsAndTheOutboxRelaysLastRound(Rendered environment) {
        for (ServiceCode service : ServiceCode.all()) {
            Map<String, Rendered.EnvVar> env = env(environment, service);
            Duration preStop = Duration.ofSeconds(Long.parseLong(String.valueOf(
                    Tree.list(Tree.at(environment.container(service.module), "lifecycle.preStop.exec.command").orElseThrow()).get(1))));
            Duration requests = Durations.parse(env.get("QUARKUS_SHUTDOWN_TIMEOUT").value());
            Duration relay = Durations.parse(Optional.ofNullable(env.get("SMARKETING_OUTBOX_SEND_TIMEOUT")).map(Rendered.EnvVar::value)
                    .orElse(outboxDefault("sendTimeout"))).plusSeconds(1);
            long grace = ((Number) environment.podSpec(service.module).get("terminationGracePeriodSeconds")).longValue();

            assertTrue(grace >= preStop.plus(requests).plus(relay).toSeconds(), () -> service + ": terminationGracePeriodSeconds "
                    + grace + " < preStop " + preStop + " + shutdown " + requests + " + relay " + relay);
        }
    }

    @ParameterizedTest
    @MethodSource("environments")
    void resourcesFitTheMeasuredFootprint(Rendered environment) {
        for (ServiceCode service : ServiceCode.all()) {
            Map<String, Object> resources = Tree.mapAt(environment.container(service.module), "resources");
            long requested = bytes(resources, "requests.memory");
            long limit = bytes(resources, "limits.memory");
            double heapShare = Dockerfile.of(service).heapShareOfLimit();

            assertTrue(requested >= MEASURED_IDLE_RSS, service + ": the request covers the measured idle footprint");
            assertTrue(limit >= requested, service.module);
            assertTrue(limit * (1 - heapShare) >= NON_HEAP_ALLOWANCE,
                    () -> service + ": a full heap (" + heapShare + " of " + limit + ") leaves too little for the rest of the JVM");
            assertTrue(Tree.at(resources, "requests.cpu").isPresent() && Tree.at(resources, "limits.cpu").isPresent(), service.module);
        }
    }

    @ParameterizedTest
    @MethodSource("environments")
    void theNetworkPolicyLetsInOnlyHttpAndOutOnlyToWhatTheServiceUses(Rendered environment) {
        for (ServiceCode service : ServiceCode.all()) {
            Map<String, Object> spec = Tree.mapAt(environment.one("NetworkPolicy", service.module), "spec");
            assertEquals(List.of("Ingress", "Egress"), spec.get("policyTypes"));

            for (Map<String, Object> rule : Tree.mapsAt(spec, "ingress")) {
                for (Map<String, Object> port : Tree.mapsAt(rule, "ports")) {
                    assertEquals(httpPort(environment, service).get("containerPort"), resolvePort(environment, service, port.get("port")),
                            service + ": ingress only on HTTP");
                }
            }
            Set<String> sources = Tree.mapsAt(spec, "ingress").stream().flatMap(rule -> Tree.mapsAt(rule, "from").stream())
                    .map(ServiceManifestsTest::peer).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(Set.of("namespace ingress-nginx", "namespace monitoring pods app.kubernetes.io/name=prometheus"), sources);

            int kafkaPort = Integer.parseInt(BOOTSTRAP.matcher(env(environment, service).get("KAFKA_BOOTSTRAP_SERVERS").value())
                    .replaceAll("$2"));
            Set<String> expected = Set.of(
                    "pods cnpg.io/cluster=" + Tree.name(environment.postgres()) + " -> 5432/TCP",
                    "pods strimzi.io/cluster=" + Tree.name(environment.kafka()) + ",strimzi.io/kind=Kafka -> " + kafkaPort + "/TCP",
                    "namespace kube-system pods k8s-app=kube-dns -> 53/UDP", "namespace kube-system pods k8s-app=kube-dns -> 53/TCP",
                    "ipBlock 0.0.0.0/0 -> 443/TCP");
            Set<String> destinations = new TreeSet<>();
            for (Map<String, Object> rule : Tree.mapsAt(spec, "egress")) {
                for (Map<String, Object> to : Tree.mapsAt(rule, "to")) {
                    for (Map<String, Object> port : Tree.mapsAt(rule, "ports")) {
                        destinations.add(peer(to) + " -> " + port.get("port") + "/" + port.get("protocol"));
                    }
                }
            }
            assertEquals(expected, destinations, service.module);
        }
        assertTrue(Repo.read(Repo.path("deploy/README.md")).contains("ingress-nginx"), "the README says which ingress is let in");
    }

    static String outboxDefault(String method) {
        String source = Repo.read(Repo.path("chassis/src/main/java/io/smarketing/chassis/outbox/OutboxConfig.java"));
        Matcher matcher = Pattern.compile("@WithDefault\\(\"([^\"]+)\"\\)\\s+\\w+\\s+" + method + "\\(\\)").matcher(source);
        if (!matcher.find()) {
            throw new AssertionError("No default for " + method + " in OutboxConfig");
        }
        return matcher.group(1);
    }

    static Map<String, Rendered.EnvVar> env(Rendered environment, ServiceCode service) {
        return environment.environment(service.module).stream()
                .collect(Collectors.toMap(Rendered.EnvVar::name, variable -> variable, (first, second) -> second));
    }

    record DatabaseRole(String owner, String secret) {
    }

    /** The role that owns a database (by initdb or by a Database resource) and the Secret of its password. */
    private static DatabaseRole roleOwning(Rendered environment, String database) {
        Map<String, Object> postgres = environment.postgres();
        String owner = Tree.string(postgres, "spec.bootstrap.initdb.database").equals(database)
                ? Tree.string(postgres, "spec.bootstrap.initdb.owner")
                : environment.all("Database").stream()
                        .filter(resource -> Tree.string(resource, "spec.name").equals(database)
                                && Tree.string(resource, "spec.cluster.name").equals(Tree.name(postgres)))
                        .map(resource -> Tree.string(resource, "spec.owner")).findFirst()
                        .orElseThrow(() -> new AssertionError("no database " + database + " in " + Tree.name(postgres)));
        String secret = Tree.string(postgres, "spec.bootstrap.initdb.owner").equals(owner)
                ? Tree.string(postgres, "spec.bootstrap.initdb.secret.name")
                : Tree.mapsAt(postgres, "spec.managed.roles").stream()
                        .filter(role -> owner.equals(role.get("name")) && "present".equals(role.get("ensure")) && Boolean.TRUE.equals(role.get("login")))
                        .map(role -> Tree.string(role, "passwordSecret.name")).findFirst()
                        .orElseThrow(() -> new AssertionError("no login role " + owner));
        return new DatabaseRole(owner, secret);
    }

    private static Map<String, Object> httpPort(Rendered environment, ServiceCode service) {
        List<Map<String, Object>> ports = Tree.mapsAt(environment.container(service.module), "ports");
        assertEquals(1, ports.size(), "one port: HTTP serves the API, health and metrics");
        return ports.get(0);
    }

    private static Object resolvePort(Rendered environment, ServiceCode service, Object port) {
        Map<String, Object> http = httpPort(environment, service);
        return port instanceof String name && name.equals(http.get("name")) ? http.get("containerPort") : port;
    }

    private static Map<String, Object> podLabels(Rendered environment, ServiceCode service) {
        return Tree.mapAt(environment.one("Deployment", service.module), "spec.template.metadata.labels");
    }

    /** A NetworkPolicy peer in words: "namespace x pods a=b", "pods a=b", "ipBlock cidr". */
    private static String peer(Map<String, Object> peer) {
        List<String> parts = new ArrayList<>();
        if (peer.containsKey("ipBlock")) {
            parts.add("ipBlock " + Tree.string(peer, "ipBlock.cidr"));
        }
        Map<String, Object> namespace = Tree.mapAt(peer, "namespaceSelector");
        if (!namespace.isEmpty()) {
            parts.add("namespace " + Tree.map(namespace.get("matchLabels")).get("kubernetes.io/metadata.name"));
        }
        Map<String, Object> pods = Tree.mapAt(peer, "podSelector");
        if (!pods.isEmpty()) {
            parts.add("pods " + Tree.map(pods.get("matchLabels")).entrySet().stream()
                    .map(label -> label.getKey() + "=" + label.getValue()).sorted().collect(Collectors.joining(",")));
        }
        return String.join(" ", parts);
    }

    private static long bytes(Map<String, Object> resources, String path) {
        Object value = Tree.at(resources, path).orElseThrow(() -> new AssertionError("no " + path));
        BigDecimal amount = Quantity.getAmountInBytes(new Quantity(String.valueOf(value)));
        return amount.longValue();
    }

    private static Set<String> missing(Set<String> required, List<String> present) {
        Set<String> missing = new TreeSet<>(required);
        missing.removeAll(present);
        return missing;
    }
}
