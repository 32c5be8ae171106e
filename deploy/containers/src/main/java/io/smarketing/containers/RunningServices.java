package io.smarketing.containers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service containers of one run, on the host's network, with the limits and hardening of their
 * Kubernetes pods: memory and CPU limits, a read-only root with a /tmp, no capabilities, no privilege
 * escalation, the image's non-root user. Started together, awaited until ready, stopped with SIGTERM.
 */
public final class RunningServices implements AutoCloseable {

    static final String NAME_PREFIX = "smarketing-";
    /** Like the startup probe of the Deployments: 36 × 5 s. */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    /** Quarkus logs this when its shutdown has finished. */
    static final String STOPPED_LINE = "stopped in";
    private static final Pattern MAX_HEAP_SIZE = Pattern.compile("size_t MaxHeapSize\\s+= (\\d+)");
    private static final Pattern MAX_RAM_PERCENTAGE = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)");

    /** How a container ended after SIGTERM. */
    public record Stop(String service, Duration took, int exitCode, Duration grace, boolean logsShutdown) {

        /** The JVM ended by itself (0, or 143 for "terminated by SIGTERM"), within the grace period. */
        public boolean graceful() {
            return (exitCode == 0 || exitCode == 143) && took.compareTo(grace) <= 0 && logsShutdown;
        }
    }

    private final Podman podman;
    private final Endpoints endpoints;
    private final Path logs;
    private final Map<ServiceContainer, Long> startedAt = new LinkedHashMap<>();
    private boolean closed;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RunningServices(Podman podman, Endpoints endpoints, Path logs) {
        this.podman = podman;
        this.endpoints = endpoints;
        this.logs = logs;
        // an interrupted stage (Ctrl-C, SIGTERM) leaves no container behind
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
    }

    static String containerName(ServiceContainer service) {
        return NAME_PREFIX + service.service();
    }

    /**
     * The podman run arguments: compose's definition with the infrastructure's host addresses, the port
     * offset, the stage's public key, and the pod's limits and security context.
     */
    static List<String> runArguments(ServiceContainer service, Endpoints endpoints) {
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", containerName(service), "--network=host",
                "--memory=" + service.memoryLimit(), "--cpus=" + service.cpuLimit(),
                "--cap-drop=ALL", "--security-opt=no-new-privileges"));
        if (service.readOnly()) {
            args.add("--read-only");
        }
        service.tmpfs().forEach(directory -> args.addAll(List.of("--tmpfs", directory)));
        service.mounts().forEach((host, container) -> args.addAll(List.of("-v",
                (container.equals(publicKeyPath(service)) ? endpoints.publicKey() : host) + ":" + container + ":ro")));
        hostEnvironment(service, endpoints).forEach((key, value) -> args.addAll(List.of("-e", key + "=" + value)));
        args.add(ServiceImages.image(service));
        return args;
    }

    /**
     * On the host's network: PostgreSQL (with the stage's role and password) and Kafka at the host's addresses, the
     * HTTP port only on 127.0.0.1.
     */
    static Map<String, String> hostEnvironment(ServiceContainer service, Endpoints endpoints) {
        Map<String, String> environment = new LinkedHashMap<>(service.environment());
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", endpoints.addresses().jdbcUrl(service.database()));
        environment.put("QUARKUS_DATASOURCE_USERNAME", endpoints.credentials().user(service.database()));
        environment.put("QUARKUS_DATASOURCE_PASSWORD", endpoints.credentials().password(service.database()));
        environment.put("KAFKA_BOOTSTRAP_SERVERS", endpoints.kafkaBootstrap());
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(endpoints.port(service)));
        return environment;
    }

    private static String publicKeyPath(ServiceContainer service) {
        return service.environment().get("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
    }

    /** Starts every service's container; a container of an earlier, interrupted run is removed first. */
    public static RunningServices start(Podman podman, List<ServiceContainer> services, Endpoints endpoints, Path logs) {
        RunningServices running = new RunningServices(podman, endpoints, logs);
        try {
            for (ServiceContainer service : services) {
                podman.run("rm", "-f", "--time", "0", containerName(service));
                running.startedAt.put(service, System.nanoTime());
                podman.run(runArguments(service, endpoints)).orFail();
            }
            return running;
        } catch (RuntimeException e) {
            running.close();
            throw e;
        }
    }

    /** Waits until every service answers /q/health/ready with 200; returns each one's time from start to ready. */
    public Map<String, Duration> awaitReady() {
        Map<String, Duration> ready = new LinkedHashMap<>();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (ready.size() < startedAt.size()) {
            for (Map.Entry<ServiceContainer, Long> entry : startedAt.entrySet()) {
                ServiceContainer service = entry.getKey();
                if (ready.containsKey(service.service())) {
                    continue;
                }
                if (healthy(service)) {
                    ready.put(service.service(), Duration.ofNanos(System.nanoTime() - entry.getValue()));
                } else if (!"running".equals(state(service))) {
                    throw new ContainerFailure(service.service() + " stopped while starting: " + saveLog(service));
                }
            }
            if (System.nanoTime() > deadline) {
                startedAt.keySet().forEach(this::saveLog);
                throw new ContainerFailure("not ready after " + READY_TIMEOUT.toSeconds() + " s: " + startedAt.keySet().stream()
                        .map(ServiceContainer::service).filter(name -> !ready.containsKey(name)).toList() + " (logs in " + logs + ")");
            }
            pause(Duration.ofMillis(200));
        }
        return ready;
    }

    /** Each container's memory use against its limit, as podman stats reports it (e.g. "251.2MB / 671.1MB"). */
    public Map<String, String> memory() {
        Map<String, String> memory = new LinkedHashMap<>();
        for (ServiceContainer service : startedAt.keySet()) {
            memory.put(service.service(), podman.run("stats", "--no-stream", "--format", "{{.MemUsage}}", containerName(service)).orFail());
        }
        return memory;
    }

    /**
     * The largest heap each container's JVM may take, as a share of the container's memory limit: asked of a
     * {@code java} run inside the container (its environment, its cgroup), so it shows what the image's
     * settings make of the pod's limit.
     */
    public Map<String, Double> heapShareOfLimit() {
        Map<String, Double> shares = new LinkedHashMap<>();
        for (ServiceContainer service : startedAt.keySet()) {
            String flags = podman.run("exec", containerName(service), "java", "-XX:+PrintFlagsFinal", "-version").orFail();
            Matcher heap = MAX_HEAP_SIZE.matcher(flags);
            if (!heap.find()) {
                throw new ContainerFailure(service.service() + ": no MaxHeapSize in java -XX:+PrintFlagsFinal");
            }
            shares.put(service.service(), Long.parseLong(heap.group(1)) / (double) service.memoryLimit());
        }
        return shares;
    }

    /** The heap share the image asks for: MaxRAMPercentage in the container's JDK_JAVA_OPTIONS. */
    public Map<String, Double> configuredHeapShare() {
        Map<String, Double> shares = new LinkedHashMap<>();
        for (ServiceContainer service : startedAt.keySet()) {
            shares.put(service.service(), maxRamShare(podman.run("exec", containerName(service), "printenv", "JDK_JAVA_OPTIONS").orFail()));
        }
        return shares;
    }

    static double maxRamShare(String jvmOptions) {
        Matcher percentage = MAX_RAM_PERCENTAGE.matcher(jvmOptions);
        if (!percentage.find()) {
            throw new ContainerFailure("no -XX:MaxRAMPercentage in JDK_JAVA_OPTIONS: " + jvmOptions);
        }
        return Double.parseDouble(percentage.group(1)) / 100;
    }

    /**
     * SIGTERM to every container at once, as Kubernetes does on a rollout, then waits for each up to its grace
     * period; one still running then is killed (and counts as not graceful).
     */
    public List<Stop> stop() {
        Map<ServiceContainer, Long> signalled = new LinkedHashMap<>();
        for (ServiceContainer service : startedAt.keySet()) {
            podman.run("kill", "--signal", "TERM", containerName(service)).orFail();
            signalled.put(service, System.nanoTime());
        }
        List<Stop> stops = new ArrayList<>();
        for (Map.Entry<ServiceContainer, Long> entry : signalled.entrySet()) {
            ServiceContainer service = entry.getKey();
            long deadline = entry.getValue() + service.grace().toNanos();
            while ("running".equals(state(service)) && System.nanoTime() < deadline) {
                pause(Duration.ofMillis(100));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - entry.getValue());
            if ("running".equals(state(service))) {
                podman.run("kill", "--signal", "KILL", containerName(service));
                took = service.grace().plusSeconds(1);
            }
            int exit = Integer.parseInt(podman.run("inspect", "--format", "{{.State.ExitCode}}", containerName(service)).orFail());
            String log = podman.run("logs", containerName(service)).out();
            saveLog(service);
            stops.add(new Stop(service.service(), took, exit, service.grace(), log.contains(STOPPED_LINE)));
        }
        return stops;
    }

    /** Removes the containers (their logs are kept in the logs folder); once. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            for (ServiceContainer service : startedAt.keySet()) {
                podman.run("rm", "-f", "--time", "0", containerName(service));
            }
        }
    }

    private boolean healthy(ServiceContainer service) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(endpoints.url(service) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerFailure("Interrupted while waiting for " + service.service());
        }
    }

    private String state(ServiceContainer service) {
        return podman.run("inspect", "--format", "{{.State.Status}}", containerName(service)).out().strip();
    }

    private String saveLog(ServiceContainer service) {
        Path file = logs.resolve(service.service() + ".log");
        Podman.Result log = podman.run("logs", containerName(service));
        try {
            Files.createDirectories(logs);
            Files.writeString(file, log.out() + log.err());
        } catch (IOException e) {
            return "its log could not be saved: " + e.getMessage();
        }
        return "log in " + file;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerFailure("Interrupted");
        }
    }
}
