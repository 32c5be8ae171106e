package io.smarketing.containers;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./smarketing images}: the container images, built with podman, and their system-test stage.
 *
 * <pre>
 * images [build] [--base IMAGE]   the base image (made from Debian's packages once, unless --base names one)
 *                                 and the four service images, tagged localhost/smarketing/&lt;service&gt;:local
 * images test [--base IMAGE]      build, then run the four containers against a fresh PostgreSQL and Kafka on
 *                                 the host, drive the walking skeleton and the whole loop through them, stop
 *                                 them with SIGTERM and check each stopped within its grace period and that
 *                                 nothing was dead-lettered
 * </pre>
 *
 * State (containers.conf, the base image's work folder, the stage's PostgreSQL, Kafka and logs) lives in
 * {@code <repo>/.smarketing/containers}. Exit code 0 when all went well, 1 otherwise, 2 for bad arguments.
 */
public final class ImagesCommand {

    /** The stage's own ports, apart from ./smarketing up (15432, 19092, 8081–8084) and its test platform. */
    static final int POSTGRES_PORT = 45432;
    static final int KAFKA_PORT = 49092;
    static final int PORT_OFFSET = 40000;

    private final Path repo;
    private final PrintStream out;
    private final Path state;
    private final Podman podman;

    private ImagesCommand(Path repo, PrintStream out) {
        this.repo = repo;
        this.out = out;
        this.state = repo.resolve(".smarketing/containers");
        this.podman = Podman.configured(state);
    }

    public static void main(String[] args) {
        System.exit(run(Path.of("").toAbsolutePath(), List.of(args), System.out));
    }

    /** What the launcher calls: runs the command in the repository's root folder and returns its exit code. */
    public static int run(Path repo, List<String> args, PrintStream out) {
        String command = args.isEmpty() || args.get(0).startsWith("--") ? "build" : args.get(0);
        List<String> options = args.isEmpty() || args.get(0).startsWith("--") ? args : args.subList(1, args.size());
        String base = null;
        if (options.size() == 2 && options.get(0).equals("--base")) {
            base = options.get(1);
        } else if (!options.isEmpty() || !List.of("build", "test").contains(command)) {
            out.println("usage: images [build|test] [--base IMAGE]");
            return 2;
        }
        ImagesCommand images = new ImagesCommand(repo, out);
        try {
            List<ServiceContainer> services = ServiceContainer.all(repo);
            images.build(services, base);
            return command.equals("test") && !images.stage(services) ? 1 : 0;
        } catch (ContainerFailure e) {
            out.println("images: " + e.getMessage());
            return 1;
        }
    }

    private void build(List<ServiceContainer> services, String givenBase) {
        String base = givenBase;
        if (base == null) {
            step("base image from Debian's packages (" + BaseImage.DEBIAN_JRE_17.suite() + " + "
                    + String.join(", ", BaseImage.DEBIAN_JRE_17.packages()) + ")");
            BaseImage.Outcome outcome = BaseImage.DEBIAN_JRE_17.ensure(podman, state.resolve("base"));
            base = outcome.image();
            step(base + (outcome.built() ? " built in " + seconds(outcome.took()) : " is current (cached)")
                    + ", " + megabytes(podman.imageSize(base)));
        }
        podman.requireWorkingRuntime(base);
        long baseBytes = podman.imageSize(base);
        for (ServiceImages.Built built : ServiceImages.build(podman, services, base)) {
            step(String.format(Locale.ROOT, "%-34s %s (%s above the base), built in %s", built.image(), megabytes(built.bytes()),
                    megabytes(built.bytes() - baseBytes), seconds(built.took())));
        }
    }

    private boolean stage(List<ServiceContainer> services) {
        step("PostgreSQL (port " + POSTGRES_PORT + ") and Kafka (port " + KAFKA_PORT + ") on the host");
        try (HostInfrastructure host = HostInfrastructure.start(repo.resolve("deploy/local"), state.resolve("stage"),
                POSTGRES_PORT, KAFKA_PORT)) {
            Endpoints endpoints = new Endpoints(host.postgresPort(), host.kafkaBootstrap(), host.keys().resolve("public.pem"), PORT_OFFSET);
            List<String> names = services.stream().map(ServiceContainer::service).toList();
            try (RunningServices running = RunningServices.start(podman, services, endpoints, state.resolve("stage/logs"))) {
                step("four containers started; start to ready:");
                running.awaitReady().forEach((service, took) -> step(String.format(Locale.ROOT, "  %-18s %s", service, seconds(took))));

                Map<String, Double> heap = running.heapShareOfLimit();
                Map<String, Double> configured = running.configuredHeapShare();
                boolean heapAsConfigured = heap.keySet().stream()
                        .allMatch(service -> Math.abs(heap.get(service) - configured.get(service)) < 0.01);
                step("largest heap / memory limit: " + percentages(heap) + (heapAsConfigured ? ", as the image's MaxRAMPercentage says"
                        : "  NOT the image's MaxRAMPercentage " + percentages(configured)));

                boolean journeys = SystemTests.run(repo, running.urls(), host.kafkaBootstrap(), state.resolve("stage"));
                step("system tests " + SystemTests.JOURNEYS + (journeys ? " passed" : " FAILED"));
                step("memory used / limit after them: " + running.memory());

                boolean stopped = true;
                for (RunningServices.Stop stop : running.stop()) {
                    stopped &= stop.graceful();
                    step(String.format(Locale.ROOT, "  %-18s SIGTERM → exit %d in %s (grace %d s)%s%s", stop.service(), stop.exitCode(),
                            seconds(stop.took()), stop.grace().toSeconds(), stop.logsShutdown() ? "" : ", no shutdown in its log",
                            stop.graceful() ? "" : "  NOT GRACEFUL"));
                }
                Map<String, Long> letters = DeadLetters.count(host.kafkaBootstrap(), names);
                boolean clean = letters.values().stream().allMatch(count -> count == 0);
                step("dead letters " + letters + (clean ? "" : "  NOT EMPTY"));
                boolean passed = heapAsConfigured && journeys && stopped && clean;
                step(passed ? "container stage passed" : "container stage FAILED (logs in " + state.resolve("stage/logs") + ")");
                return passed;
            }
        }
    }

    private void step(String message) {
        out.println("-> " + message);
    }

    static String percentages(Map<String, Double> shares) {
        Map<String, String> shown = new java.util.LinkedHashMap<>();
        shares.forEach((service, share) -> shown.put(service, String.format(Locale.ROOT, "%.1f %%", share * 100)));
        return shown.toString();
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1_000_000.0);
    }
}
