package io.smarketing.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** One environment of deploy/k8s rendered like {@code kubectl apply -k}, with lookups for the tests. */
final class Rendered {

    /** The kustomizations a platform team applies (the base too: it must be valid on its own). */
    static final List<String> ENVIRONMENTS = List.of("base", "overlays/dev", "overlays/prod");
    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    final String environment;
    final List<Map<String, Object>> objects;

    private Rendered(String environment, List<Map<String, Object>> objects) {
        this.environment = environment;
        this.objects = objects;
    }

    static Rendered of(String environment) {
        return CACHE.computeIfAbsent(environment, name -> new Rendered(name, Kustomize.build(Repo.K8S.resolve(name))));
    }

    static Stream<Rendered> all() {
        return ENVIRONMENTS.stream().map(Rendered::of);
    }

    List<Map<String, Object>> all(String kind) {
        return objects.stream().filter(object -> Tree.kind(object).equals(kind)).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return all(kind).stream().filter(object -> Tree.name(object).equals(name)).findFirst();
    }

    Map<String, Object> one(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(environment + ": no " + kind + " " + name));
    }

    /** The Kafka cluster: the single Strimzi Kafka resource. */
    Map<String, Object> kafka() {
        List<Map<String, Object>> clusters = all("Kafka");
        if (clusters.size() != 1) {
            throw new AssertionError(environment + ": expected one Kafka, found " + clusters.size());
        }
        return clusters.get(0);
    }

    /** The listener the services use: the one their bootstrap address names. */
    Map<String, Object> kafkaListener(int port) {
        return Tree.mapsAt(kafka(), "spec.kafka.listeners").stream()
                .filter(listener -> Integer.valueOf(port).equals(listener.get("port"))).findFirst()
                .orElseThrow(() -> new AssertionError(environment + ": no Kafka listener on port " + port));
    }

    Map<String, Object> postgres() {
        List<Map<String, Object>> clusters = all("Cluster");
        if (clusters.size() != 1) {
            throw new AssertionError(environment + ": expected one CloudNativePG Cluster, found " + clusters.size());
        }
        return clusters.get(0);
    }

    Map<String, Object> podSpec(String deployment) {
        return Tree.mapAt(one("Deployment", deployment), "spec.template.spec");
    }

    /** A service's application container (the pods run exactly one). */
    Map<String, Object> container(String deployment) {
        List<Map<String, Object>> containers = Tree.mapsAt(podSpec(deployment), "containers");
        if (containers.size() != 1) {
            throw new AssertionError(environment + ": " + deployment + " runs " + containers.size() + " containers");
        }
        return containers.get(0);
    }

    /** Every variable the container gets, from its ConfigMaps (envFrom) and its env list, in that order. */
    List<EnvVar> environment(String deployment) {
        return environmentOf(container(deployment));
    }

    /** Every variable a container gets: a literal, a Secret's key, or a field of its pod (source {@code fieldRef}). */
    List<EnvVar> environmentOf(Map<String, Object> container) {
        List<EnvVar> variables = new ArrayList<>();
        for (Map<String, Object> source : Tree.mapsAt(container, "envFrom")) {
            String configMap = Tree.string(source, "configMapRef.name");
            Tree.mapAt(one("ConfigMap", configMap), "data").forEach((name, value) ->
                    variables.add(new EnvVar(name, String.valueOf(value), null, null, "ConfigMap " + configMap)));
        }
        for (Map<String, Object> variable : Tree.mapsAt(container, "env")) {
            String name = Tree.string(variable, "name");
            if (variable.containsKey("value")) {
                variables.add(new EnvVar(name, String.valueOf(variable.get("value")), null, null, "env"));
            } else if (Tree.at(variable, "valueFrom.fieldRef").isPresent()) {
                variables.add(new EnvVar(name, Tree.string(variable, "valueFrom.fieldRef.fieldPath"), null, null, "fieldRef"));
            } else {
                variables.add(new EnvVar(name, null, Tree.string(variable, "valueFrom.secretKeyRef.name"),
                        Tree.string(variable, "valueFrom.secretKeyRef.key"), "env"));
            }
        }
        return variables;
    }

    /** The volume mounted at or above a path in the container, if any. */
    Optional<Map<String, Object>> volumeHolding(String deployment, String path) {
        return Tree.mapsAt(container(deployment), "volumeMounts").stream()
                .filter(mount -> path.startsWith(Tree.string(mount, "mountPath") + "/"))
                .map(mount -> Tree.string(mount, "name"))
                .flatMap(volume -> Tree.mapsAt(podSpec(deployment), "volumes").stream()
                        .filter(candidate -> Tree.string(candidate, "name").equals(volume)))
                .findFirst();
    }

    @Override
    public String toString() {
        return environment;
    }

    /** An environment variable: a literal value, or a key of a Secret. */
    record EnvVar(String name, String value, String secret, String secretKey, String source) {
    }
}
