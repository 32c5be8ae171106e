package io.smarketing.containers;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One service as a container, read from where the platform already says it: the image, environment, ports,
 * read-only root, tmpfs and mounts from deploy/compose/compose.yaml; the memory and CPU limits and the
 * shutdown grace period from the service's Deployment in deploy/k8s/base. Nothing here restates them.
 *
 * @param service     the compose service (and module) name, e.g. goals-service
 * @param module      the directory of the service's module, the image's build context
 * @param dockerfile  the Dockerfile, relative to the module
 * @param image       the image repository compose names
 * @param port        the HTTP port the container publishes
 * @param environment the compose environment, anchors and merges resolved
 * @param readOnly    a read-only root filesystem
 * @param tmpfs       writable in-memory directories
 * @param mounts      host file → container path (read-only), the host side resolved against the compose folder
 * @param memoryLimit the Deployment's memory limit, in bytes
 * @param cpuLimit    the Deployment's CPU limit, in CPUs
 * @param grace       terminationGracePeriodSeconds: how long a stopping pod may take before it is killed
 */
public record ServiceContainer(String service, Path module, String dockerfile, String image, int port,
        Map<String, String> environment, boolean readOnly, List<String> tmpfs, Map<Path, String> mounts,
        long memoryLimit, double cpuLimit, Duration grace) {

    private static final Pattern QUANTITY = Pattern.compile("([0-9.]+)(Ki|Mi|Gi|m)?");

    /** Every service compose builds from a Dockerfile, in the compose file's order. */
    public static List<ServiceContainer> all(Path repo) {
        Path composeDir = repo.resolve("deploy/compose");
        Map<String, Object> services = map(yaml(composeDir.resolve("compose.yaml")).get(0).get("services"));
        List<ServiceContainer> containers = new ArrayList<>();
        services.forEach((name, definition) -> {
            Map<String, Object> service = map(definition);
            if (service.containsKey("build")) {
                containers.add(of(name, service, composeDir, deployment(repo, name)));
            }
        });
        return containers;
    }

    static ServiceContainer of(String name, Map<String, Object> service, Path composeDir, Map<String, Object> deployment) {
        Map<String, Object> build = map(service.get("build"));
        Map<String, String> environment = new LinkedHashMap<>();
        map(service.get("environment")).forEach((key, value) -> environment.put(key, String.valueOf(value)));
        Map<Path, String> mounts = new LinkedHashMap<>();
        for (Object volume : list(service.get("volumes"))) {
            String[] parts = String.valueOf(volume).split(":");
            mounts.put(composeDir.resolve(parts[0]).normalize(), parts[1]);
        }
        List<Object> ports = list(service.get("ports"));
        if (ports.size() != 1) {
            throw new ContainerFailure(name + ": expected one port in compose.yaml, found " + ports);
        }
        String[] port = String.valueOf(ports.get(0)).split(":");

        Map<String, Object> pod = map(at(deployment, "spec", "template", "spec"));
        Map<String, Object> limits = map(at(map(list(pod.get("containers")).get(0)), "resources", "limits"));
        return new ServiceContainer(name, composeDir.resolve(String.valueOf(build.get("context"))).normalize(),
                String.valueOf(build.get("dockerfile")), String.valueOf(service.get("image")),
                Integer.parseInt(port[port.length - 1]), environment, Boolean.TRUE.equals(service.get("read_only")),
                list(service.get("tmpfs")).stream().map(String::valueOf).toList(), mounts,
                (long) quantity(String.valueOf(limits.get("memory"))), quantity(String.valueOf(limits.get("cpu"))),
                Duration.ofSeconds(((Number) pod.get("terminationGracePeriodSeconds")).longValue()));
    }

    /** The database the compose environment points the service at. */
    String database() {
        String url = environment.get("QUARKUS_DATASOURCE_JDBC_URL");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** A Kubernetes quantity: 640Mi → bytes, 500m → 0.5, "1" → 1. */
    static double quantity(String text) {
        Matcher matcher = QUANTITY.matcher(text.strip());
        if (!matcher.matches()) {
            throw new ContainerFailure("not a Kubernetes quantity: " + text);
        }
        double number = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2) == null ? "" : matcher.group(2);
        return switch (unit) {
            case "Ki" -> number * 1024;
            case "Mi" -> number * 1024 * 1024;
            case "Gi" -> number * 1024 * 1024 * 1024;
            case "m" -> number / 1000;
            default -> number;
        };
    }

    private static Map<String, Object> deployment(Path repo, String service) {
        Path manifest = repo.resolve("deploy/k8s/base/" + service + ".yaml");
        return yaml(manifest).stream().filter(document -> "Deployment".equals(document.get("kind"))).findFirst()
                .orElseThrow(() -> new ContainerFailure("no Deployment in " + manifest));
    }

    /** Every document of a YAML file; merge keys ({@code <<: *anchor}) resolved as compose resolves them. */
    static List<Map<String, Object>> yaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                if (document != null) {
                    documents.add(map(document));
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static Object at(Map<String, Object> tree, String... path) {
        Object node = tree;
        for (String key : path) {
            node = map(node).get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node == null ? Map.of() : (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        return node == null ? List.of() : (List<Object>) node;
    }
}
