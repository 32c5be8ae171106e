package io.smarketing.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.smarketing.events.Topics;

/**
 * The images (src/main/docker/Dockerfile.jvm) and deploy/compose/compose.yaml against the code and the
 * Kubernetes manifests. Neither can be built here (no Docker), so they are checked as text.
 */
class ComposeAndImagesTest {

    private static final Set<String> BASE_IMAGES = Set.of("registry.access.redhat.com/ubi9/openjdk-17-runtime", "eclipse-temurin");
    /** Settings that are the same wherever the platform runs. */
    private static final List<String> SHARED_SETTINGS =
            List.of("SMARKETING_CURRENCY", "QUARKUS_SHUTDOWN_TIMEOUT", "QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "MP_JWT_VERIFY_ISSUER");

    static List<ServiceCode> services() {
        return ServiceCode.all();
    }

    @ParameterizedTest
    @MethodSource("services")
    void theImageRunsTheQuarkusFastJarAsUser185OnTheHttpPort(ServiceCode service) {
        Dockerfile image = Dockerfile.of(service);

        assertTrue(BASE_IMAGES.stream().anyMatch(base -> image.from().startsWith(base)), image.from());
        assertTrue(image.from().contains(":"), "a pinned base image");
        assertEquals(List.of(String.valueOf(service.httpPort())), image.exposed(), "EXPOSE quarkus.http.port");
        assertEquals("185", image.user());
        assertEquals(List.of("--chown=185 target/quarkus-app/lib/ /deployments/lib/", "--chown=185 target/quarkus-app/*.jar /deployments/",
                "--chown=185 target/quarkus-app/app/ /deployments/app/", "--chown=185 target/quarkus-app/quarkus/ /deployments/quarkus/"),
                image.copies(), "the fast-jar layout, dependencies first");
        assertEquals("fast-jar", service.config.getOrDefault("quarkus.package.jar.type", "fast-jar"), "what the COPY lines expect");
        assertEquals("[ \"java\", \"-jar\", \"/deployments/quarkus-run.jar\" ]", image.entrypoint(),
                "the JVM as PID 1, not a base image's launch script: the same settings on every base, SIGTERM reaches it");
        assertTrue(!image.jvmOptions().contains("-Xmx"), "the heap follows the limit, not a fixed -Xmx");
    }

    @ParameterizedTest
    @MethodSource("services")
    void composeBuildsTheServiceFromItsDockerfileAndPublishesItsPort(ServiceCode service) {
        Map<String, Object> container = Compose.read().service(service.module);
        Path context = Repo.path("deploy/compose").resolve(Tree.string(container, "build.context")).normalize();

        assertEquals(Repo.path(service.module), context);
        assertTrue(Files.exists(context.resolve(Tree.string(container, "build.dockerfile"))));
        assertEquals(service.artifactId(), Kustomize.ImageReference.parse(Tree.string(container, "image")).repository());
        assertEquals(List.of("127.0.0.1:" + service.httpPort() + ":" + service.httpPort()), container.get("ports"), "only on this machine");
        assertEquals(Boolean.TRUE, container.get("read_only"), "as in Kubernetes: a read-only root filesystem with a /tmp");
        assertEquals(List.of("/tmp"), container.get("tmpfs"));
    }

    @ParameterizedTest
    @MethodSource("services")
    void composeSetsEveryRequiredKeyAndOnlyKeysTheServiceReads(ServiceCode service) {
        Map<String, String> environment = Compose.read().environment(service.module);

        environment.keySet().forEach(variable -> assertTrue(service.keys.keyOf(variable).isPresent(), service + " does not read " + variable));
        assertTrue(environment.keySet().containsAll(ServiceManifestsTest.REQUIRED_SETTINGS));
        Map<String, Rendered.EnvVar> kubernetes = ServiceManifestsTest.env(Rendered.of("base"), service);
        SHARED_SETTINGS.forEach(setting -> assertEquals(kubernetes.get(setting).value(), environment.get(setting), setting));
    }

    @ParameterizedTest
    @MethodSource("services")
    void composeGivesTheServiceItsOwnDatabaseAndRole(ServiceCode service) {
        Map<String, String> environment = Compose.read().environment(service.module);
        String user = environment.get("QUARKUS_DATASOURCE_USERNAME");
        String script = Repo.read(Repo.path("deploy/compose/postgres-init.sql"));

        assertEquals("jdbc:postgresql://postgres:5432/" + service.databaseName(), environment.get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals(service.databaseUser(), user);
        assertTrue(script.contains("CREATE ROLE " + user + " LOGIN PASSWORD '" + environment.get("QUARKUS_DATASOURCE_PASSWORD") + "';"));
        assertTrue(script.contains("CREATE DATABASE " + service.databaseName() + " OWNER " + user + ";"));
        assertTrue(Tree.list(Compose.read().service("postgres").get("volumes")).stream()
                .anyMatch(volume -> String.valueOf(volume).startsWith("./postgres-init.sql:/docker-entrypoint-initdb.d/")));
    }

    @ParameterizedTest
    @MethodSource("services")
    void composeMountsTheDevTokenKeyWhereTheServiceReadsIt(ServiceCode service) {
        Compose compose = Compose.read();
        String location = compose.environment(service.module).get("MP_JWT_VERIFY_PUBLICKEY_LOCATION");

        assertTrue(Tree.list(compose.service(service.module).get("volumes")).contains("../../.smarketing/keys/public.pem:" + location + ":ro"),
                "the key ./smarketing token signs with");
    }

    @Test
    void composeCreatesEveryTopicBeforeAnyServiceStarts() {
        Compose compose = Compose.read();
        String script = String.valueOf(Tree.list(compose.service("kafka-topics").get("command")).get(0));
        Set<String> created = new TreeSet<>();
        Pattern.compile("smarketing\\.[a-z0-9.-]+[a-z0-9]").matcher(script).results().forEach(match -> created.add(match.group()));
        Set<String> expected = new TreeSet<>(Topics.EVENT_TOPICS);
        ServiceCode.SERVICES.forEach(service -> expected.add(Topics.deadLetter(service)));

        assertEquals(expected, created);
        assertEquals("false", compose.environment("kafka").get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"));
        for (String service : ServiceCode.SERVICES) {
            assertEquals("service_completed_successfully",
                    Tree.string(Tree.map(compose.service(service).get("depends_on")), "kafka-topics.condition"));
        }
    }
}
