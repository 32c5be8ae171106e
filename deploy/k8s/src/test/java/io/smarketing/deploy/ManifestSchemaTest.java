package io.smarketing.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rendered object is valid for its API, and no credential is committed. */
class ManifestSchemaTest {

    static Stream<Rendered> environments() {
        return Rendered.all();
    }

    @ParameterizedTest
    @MethodSource("environments")
    void everyRenderedObjectIsValidForItsApi(Rendered environment) {
        List<String> problems = new ArrayList<>();
        environment.objects.forEach(object -> problems.addAll(KubernetesSchemas.problems(object)));

        assertEquals(List.of(), problems, environment + " has invalid objects");
    }

    /** The checks above can fail: each of these manifests breaks its API in one way. */
    static Stream<Arguments> brokenManifests() {
        return Stream.of(
                Arguments.of("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {replicas: 1, selectr: {}}", "unknown field"),
                Arguments.of("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {replicas: '1'}", "wrong type"),
                Arguments.of("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {PORT: 8081}", "wrong type"),
                Arguments.of("apiVersion: apps/v2\nkind: Deployment\nmetadata: {name: x}\nspec: {}", "not a kind"),
                Arguments.of("apiVersion: v1\nkind: Service\nmetadata: {name: Web_1}\nspec: {}", "DNS"),
                Arguments.of("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {template: {spec: {containers: "
                        + "[{name: a, image: b, resources: {limits: {memory: 1Gx}}}]}}}", "not a quantity"),
                Arguments.of("apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata: {name: x, labels: {strimzi.io/cluster: c}}\n"
                        + "spec: {partitions: 1, replica: 3}", "unknown field"),
                Arguments.of("apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata: {name: x, labels: {strimzi.io/cluster: c}}\n"
                        + "spec: {partitions: 1}", "serves only"),
                Arguments.of("apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata: {name: x}\nspec: {partitions: 1}", "strimzi.io/cluster"),
                Arguments.of("apiVersion: kafka.strimzi.io/v1\nkind: KafkaUser\nmetadata: {name: x, labels: {strimzi.io/cluster: c}}\n"
                        + "spec: {authorization: {type: simple, acls: [{resource: {type: topic, name: t}, operations: [Wrte]}]}}", "wrong type or value"),
                Arguments.of("apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata: {name: x}\n"
                        + "spec: {kafka: {replicas: 3, listeners: [{name: tls, port: 9093, type: internal, tls: true}]}}", "deprecated field"),
                Arguments.of("apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata: {name: x}\n"
                        + "spec: {instances: 1, storage: {size: 1Gi}, instance: 3}", "not defined in the schema"),
                Arguments.of("apiVersion: postgresql.cnpg.io/v1\nkind: Database\nmetadata: {name: x}\n"
                        + "spec: {cluster: {name: c}, name: d, owner: o, ensure: maybe}", "enum"));
    }

    @ParameterizedTest
    @MethodSource("brokenManifests")
    void aManifestThatBreaksItsApiIsReported(String manifest, String expectedProblem) {
        List<String> problems = KubernetesSchemas.problems(Tree.map(new org.yaml.snakeyaml.Yaml().load(manifest)));

        assertTrue(problems.stream().anyMatch(problem -> problem.contains(expectedProblem)),
                () -> "expected a problem mentioning '" + expectedProblem + "', got " + problems);
    }

    @ParameterizedTest
    @MethodSource("environments")
    void noCredentialIsCommitted(Rendered environment) {
        assertEquals(List.of(), environment.all("Secret"), "Secrets come from the operators or the user");
        for (Map<String, Object> deployment : environment.all("Deployment")) {
            for (Rendered.EnvVar variable : environment.environment(Tree.name(deployment))) {
                if (variable.name().matches(".*(PASSWORD|JAAS|SECRET|TOKEN).*")) {
                    assertTrue(variable.secret() != null, variable + " must come from a Secret");
                }
            }
        }
    }

    /** A Secret the manifests need is made by Strimzi, or the user makes it as deploy/README.md says. */
    @ParameterizedTest
    @MethodSource("environments")
    void everySecretTheManifestsNeedIsMadeByAnOperatorOrDocumented(Rendered environment) {
        Set<String> byStrimzi = new TreeSet<>();
        environment.all("KafkaUser").forEach(user -> byStrimzi.add(Tree.name(user)));
        byStrimzi.add(Tree.name(environment.kafka()) + "-cluster-ca-cert");
        String readme = Repo.read(Repo.path("deploy/README.md"));

        Set<String> needed = secretsNeeded(environment);
        assertFalse(needed.isEmpty());
        for (String secret : needed) {
            assertTrue(byStrimzi.contains(secret) || readme.contains(secret),
                    () -> environment + ": Secret " + secret + " is neither made by Strimzi nor documented in deploy/README.md");
        }
    }

    private static Set<String> secretsNeeded(Rendered environment) {
        Set<String> secrets = new TreeSet<>();
        for (Map<String, Object> deployment : environment.all("Deployment")) {
            String name = Tree.name(deployment);
            environment.environment(name).stream().filter(variable -> variable.secret() != null)
                    .forEach(variable -> secrets.add(variable.secret()));
            Tree.mapsAt(environment.podSpec(name), "volumes").stream().filter(volume -> volume.containsKey("secret"))
                    .forEach(volume -> secrets.add(Tree.string(volume, "secret.secretName")));
        }
        Map<String, Object> postgres = environment.postgres();
        Tree.at(postgres, "spec.bootstrap.initdb.secret.name").ifPresent(secret -> secrets.add(String.valueOf(secret)));
        Tree.mapsAt(postgres, "spec.managed.roles").forEach(role -> secrets.add(Tree.string(role, "passwordSecret.name")));
        return secrets;
    }

    @Test
    void everyOverlayRendersTheResourcesOfTheBase() {
        Rendered base = Rendered.of("base");
        for (String overlay : List.of("overlays/dev", "overlays/prod")) {
            Rendered rendered = Rendered.of(overlay);
            assertEquals(ids(base), ids(rendered), overlay + " must render the same resources as the base");
        }
    }

    private static Set<String> ids(Rendered environment) {
        Set<String> ids = new TreeSet<>();
        environment.objects.forEach(object -> ids.add(Tree.kind(object) + "/" + Tree.name(object)));
        return ids;
    }
}
