package io.smarketing.local;

import java.io.IOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.smarketing.platform.Addresses;
import io.smarketing.platform.Component;
import io.smarketing.platform.DatabaseCredentials;
import io.smarketing.platform.Platform;
import io.smarketing.platform.Readiness;
import io.smarketing.platform.Service;
import io.smarketing.platform.Start;

/**
 * One platform on this machine, by its {@link Addresses}: brings it up (each component as soon as what it depends
 * on is ready, so PostgreSQL and Kafka start together, then the four services together), stops it, and says what
 * runs. A running component is left alone; a stopped or killed one is started again without waiting on the others.
 */
final class LocalPlatform {

    static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(120);

    /**
     * Batches of 2,000 records on each of its consumers: more heap than the live service. A rebuild runs a minute or
     * two, and compiling lukewarm code with C2 (startup, per-batch code) took half its CPU at the default
     * thresholds: C2 waits here for code that runs per record. Measured on a replay of 1,009,468 records: 72 against
     * 85 s of the rebuild's CPU.
     */
    private static final List<String> REBUILD_JVM_OPTIONS = List.of("-Xmx512m", "-XX:Tier4InvocationThreshold=100000",
            "-XX:Tier4MinInvocationThreshold=50000", "-XX:Tier4CompileThreshold=100000",
            "-XX:Tier4BackEdgeThreshold=1000000");

    private final Launcher launcher;
    private final Addresses addresses;
    private final Console console;
    private final Processes processes;
    private final Supervisor supervisor;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;

    LocalPlatform(Launcher launcher, Addresses addresses) {
        this.launcher = launcher;
        this.addresses = addresses;
        this.console = launcher.console();
        this.processes = new Processes(addresses.state(), launcher.err());
        this.supervisor = new Supervisor(processes, console);
        this.postgres = new PostgresServer(processes, addresses, console);
        this.kafka = new KafkaBroker(launcher, processes, addresses);
    }

    Addresses addresses() {
        return addresses;
    }

    /** Starts what does not run and returns once every component is ready. */
    void up() {
        up(Platform.COMPONENTS);
    }

    /** PostgreSQL and Kafka alone, for services that run elsewhere (the container stage). */
    void upInfrastructure() {
        up(Platform.COMPONENTS.stream().filter(component -> Platform.service(component.name()).isEmpty()).toList());
    }

    private void up(List<Component> components) {
        addresses.write();
        DatabaseCredentials credentials = credentials();
        checkPorts(components, credentials);
        ensureKeys();
        Map<String, CompletableFuture<Void>> ready = new LinkedHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(components.size(), task -> {
            Thread thread = new Thread(task, "smarketing-up");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (Component component : components) {
                CompletableFuture<?>[] dependencies = component.dependsOn().stream().map(ready::get)
                        .toArray(CompletableFuture[]::new);
                ready.put(component.name(), CompletableFuture.allOf(dependencies)
                        .thenRunAsync(() -> bringUp(component, credentials), threads));
            }
            awaitAll(ready.values());
        } finally {
            threads.shutdownNow();
        }
    }

    /** Stops these services (SIGTERM, as {@code down} stops them) and leaves the rest running. */
    void stop(List<Service> services) {
        processes.stop(services.stream().map(Service::name).toList(), console);
    }

    /** Starts the service if it does not run, and returns once it is ready. */
    void start(Service service) {
        supervisor.ensureRunning(serviceLaunch(service, service.name(), credentials()));
    }

    /** A second instance of a service on its own port, same database and consumer group. */
    void upReplica(Service service) {
        supervisor.ensureRunning(serviceLaunch(service, service.replicaName(), credentials()));
    }

    private void bringUp(Component component, DatabaseCredentials credentials) {
        if (component.start() instanceof Start.EmbeddedPostgres) {
            postgres.ensureRunning(credentials);
        } else if (component.start() instanceof Start.JavaMain) {
            kafka.ensureRunning(supervisor, console);
        } else {
            Service service = Platform.service(component.name()).orElseThrow();
            supervisor.ensureRunning(serviceLaunch(service, service.name(), credentials));
        }
    }

    /** Waits for all; the first failure is the one to tell, the others are shown before it. */
    private void awaitAll(Iterable<CompletableFuture<Void>> futures) {
        List<LauncherException> failures = new ArrayList<>();
        for (CompletableFuture<Void> future : futures) {
            try {
                future.join();
            } catch (CompletionException e) {
                LauncherException failure = e.getCause() instanceof LauncherException known ? known
                        : new LauncherException(String.valueOf(e.getCause()));
                if (!failures.contains(failure)) {
                    failures.add(failure);
                }
            }
        }
        if (!failures.isEmpty()) {
            failures.subList(1, failures.size()).forEach(other -> other.report(launcher.err()));
            throw failures.get(0);
        }
    }

    /** Before anything starts: every port of what does not run yet must be free. */
    private void checkPorts(List<Component> components, DatabaseCredentials credentials) {
        for (Component component : components) {
            if (component.name().equals(PostgresServer.NAME)) {
                if (!addresses.externalPostgres() && postgres.running().isEmpty() && postgres.orphan().isEmpty()) {
                    Supervisor.requireFree(addresses.postgresPort(), "PostgreSQL");
                }
            } else if (component.name().equals(KafkaBroker.NAME)) {
                if (!addresses.externalKafka()) {
                    supervisor.requireFree(kafka.launch());
                }
            } else {
                Service service = Platform.service(component.name()).orElseThrow();
                supervisor.requireFree(serviceLaunch(service, service.name(), credentials));
            }
        }
    }

    /** The roles and passwords the services use. */
    DatabaseCredentials credentials() {
        return addresses.externalPostgres() ? DatabaseCredentials.external(addresses.state(), launcher.environment())
                : DatabaseCredentials.local(addresses.state());
    }

    void ensureKeys() {
        try {
            DevTokens.ensureKeys(addresses.state().keys());
        } catch (IOException | GeneralSecurityException e) {
            throw new LauncherException("cannot create the dev signing keys in " + addresses.state().keys() + ": " + e);
        }
    }

    /** One Quarkus service instance, configured through the environment, ready when its readiness check says UP. */
    Launch serviceLaunch(Service service, String instance, DatabaseCredentials credentials) {
        int port = addresses.port(instance);
        String path = ((Readiness.HttpOk) service.component().readiness()).path();
        return new Launch(instance, instance, List.of(port), serviceCommand(service, instance, List.of()),
                serviceEnvironment(service, port, credentials), () -> Probes.httpStatus(port, path) == 200, true,
                SERVICE_TIMEOUT);
    }

    /**
     * The service's jar as a rebuild of its projections from the topics (chassis {@code ProjectionRebuild}: the
     * Quarkus profile {@code rebuild}), beside the live instance: same database and broker, any free HTTP port.
     */
    ProcessBuilder rebuildProcess(Service service, String run) {
        Map<String, String> environment = new LinkedHashMap<>(serviceEnvironment(service, 0, credentials()));
        environment.put("QUARKUS_PROFILE", "rebuild");
        environment.put("SMARKETING_REBUILD_RUN", run);
        ProcessBuilder builder = new ProcessBuilder(serviceCommand(service, rebuildName(service), REBUILD_JVM_OPTIONS));
        builder.environment().putAll(environment);
        return builder;
    }

    static String rebuildName(Service service) {
        return service.name() + "-rebuild";
    }

    /** The JVM options come in this order, the last of a kind winning: the service's, these, the operator's. */
    private List<String> serviceCommand(Service service, String instance, List<String> jvmOptions) {
        Start.QuarkusApp app = (Start.QuarkusApp) service.component().start();
        List<String> command = new ArrayList<>(List.of(launcher.java()));
        command.addAll(app.jvmOptions());
        command.addAll(jvmOptions);
        command.addAll(processes.marker(instance));
        command.addAll(options(launcher.environment().get("SMARKETING_SERVICE_OPTS")));
        command.addAll(options(launcher.environment().get(service.optionsVariable())));
        command.addAll(List.of("-jar", launcher.jar(service).toString()));
        return command;
    }

    /** A service's configuration, with the dashboard's (CORS, and for goals-service the other APIs' addresses). */
    private Map<String, String> serviceEnvironment(Service service, int port, DatabaseCredentials credentials) {
        Map<String, String> environment = new LinkedHashMap<>(Map.of(
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "QUARKUS_HTTP_HOST", "127.0.0.1",
                "QUARKUS_DATASOURCE_JDBC_URL", addresses.jdbcUrl(service.database()),
                "QUARKUS_DATASOURCE_USERNAME", credentials.user(service.database()),
                "QUARKUS_DATASOURCE_PASSWORD", credentials.password(service.database()),
                "KAFKA_BOOTSTRAP_SERVERS", addresses.kafkaBootstrap(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", addresses.state().publicKey().toString()));
        environment.putAll(dashboardEnvironment(service));
        return environment;
    }

    Processes processes() {
        return processes;
    }

    /**
     * The dashboard (on goals-service's port) calls the other services' APIs on their own ports: CORS lets it, and
     * goals-service tells the page (and its Content-Security-Policy) where they are.
     */
    Map<String, String> dashboardEnvironment(Service service) {
        int dashboard = addresses.port(Platform.GOALS.name());
        Map<String, String> environment = new LinkedHashMap<>(Map.of(
                "QUARKUS_HTTP_CORS_ENABLED", "true",
                "QUARKUS_HTTP_CORS_ORIGINS", "http://127.0.0.1:" + dashboard + ",http://localhost:" + dashboard));
        if (service.equals(Platform.GOALS)) {
            environment.putAll(Map.of(
                    "GOALS_DASHBOARD_LEADS_API", addresses.url(Platform.LEADS.name()),
                    "GOALS_DASHBOARD_CAMPAIGNS_API", addresses.url(Platform.CAMPAIGNS.name()),
                    "GOALS_DASHBOARD_FEEDBACK_API", addresses.url(Platform.FEEDBACK.name())));
        }
        return environment;
    }

    /** JVM options as a shell would split them on white space. */
    static List<String> options(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.strip().split("\\s+"));
    }

    /** Services (with their second instances) first, then Kafka, then PostgreSQL; then anything left of this folder. */
    void down() {
        long begun = System.nanoTime();
        List<String> instances = new ArrayList<>();
        Platform.SERVICES.forEach(service -> instances.addAll(List.of(service.name(), service.replicaName(), rebuildName(service))));
        processes.stop(instances, console);
        processes.stop(List.of(KafkaBroker.NAME), console);
        postgres.stop();
        List<ProcessHandle> leftovers = processes.leftovers();
        if (!leftovers.isEmpty()) {
            console.step("stopping leftover processes " + String.join(" ", leftovers.stream().map(p -> String.valueOf(p.pid())).toList()));
            leftovers.forEach(ProcessHandle::destroy);
            processes.awaitExit(leftovers);
        }
        console.step("everything stopped (took " + Console.since(begun) + ")");
    }

    /** component, state, pid, port, health: one line each. */
    void status() {
        String format = "%-18s %-8s %-8s %-7s %s%n";
        console.out().printf(format, "component", "state", "pid", "port", "health");
        for (Component component : Platform.COMPONENTS) {
            String name = component.name();
            String state = "stopped";
            String pid = "-";
            String port = String.valueOf(addresses.port(name));
            String health;
            var running = name.equals(PostgresServer.NAME) ? postgres.running() : processes.running(name);
            if (running.isPresent()) {
                state = "running";
                pid = String.valueOf(running.get().pid());
            } else if (name.equals(PostgresServer.NAME) && postgres.orphan().isPresent()) {
                state = "orphan"; // a server this launcher does not know runs on the data: up or down takes care of it
                pid = String.valueOf(postgres.orphan().get().pid());
            }
            if (name.equals(PostgresServer.NAME) && addresses.externalPostgres()) {
                state = "external";
                port = addresses.postgresHost() + ":" + addresses.postgresPort();
                health = Probes.listening(addresses.postgresHost(), addresses.postgresPort()) ? "reachable" : "unreachable";
            } else if (name.equals(KafkaBroker.NAME) && addresses.externalKafka()) {
                state = "external";
                port = addresses.kafkaBootstrap();
                health = "-";
            } else if (component.readiness() instanceof Readiness.HttpOk http) {
                int status = Probes.httpStatus(addresses.port(name), http.path());
                health = status == 200 ? "ready" : status == 0 ? "-" : "not ready (HTTP " + status + ")";
            } else {
                health = Probes.listening("127.0.0.1", addresses.port(name)) ? "listening" : "-";
            }
            console.out().printf(format, name, state, pid, port, health);
        }
    }

    /** The demo data, once per state folder: the marker is written only when the load succeeded. */
    void loadDemoDataOnce() {
        if (Files.exists(addresses.state().demoLoaded())) {
            return;
        }
        console.step("loading demo data, once per state folder (skip it with --no-demo or SMARKETING_DEMO=false)");
        try {
            console.indented(DemoData.load(DevTokens.readPrivateKey(addresses.state().privateKey()), addresses));
            Files.createFile(addresses.state().demoLoaded());
        } catch (PlatformApi.Failure e) {
            throw new LauncherException("loading the demo data failed: " + e.getMessage()
                    + "; the platform runs: ./smarketing up tries again, --no-demo skips it");
        } catch (IOException | GeneralSecurityException e) {
            throw new LauncherException("loading the demo data failed: " + e);
        }
    }
}
