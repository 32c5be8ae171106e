package io.smarketing.containers;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code ./smarketing images [build|test] [--base IMAGE]}: the container images, built with podman, and their
 * system-test stage. The launcher parses the command line and starts the stage's PostgreSQL and Kafka.
 * <ul>
 * <li>build: the base image (made from Debian's packages once, unless a base is given) and the four service images,
 * tagged {@code localhost/smarketing/<service>:local};
 * <li>test: build, then run the four containers against a fresh PostgreSQL and Kafka on the host, drive the walking
 * skeleton and the whole loop through them, stop them with SIGTERM and check each stopped within its grace period
 * and that nothing was dead-lettered.
 * </ul>
 * podman's state (containers.conf, the base image's work folder) lives in {@code <repo>/.smarketing/containers}.
 */
public final class ImagesCommand {

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

    /**
     * Builds the images (on the given base, or on one made from Debian's packages when it is null) and, for a test,
     * runs the stage against the infrastructure the launcher starts; returns the exit code (0 when all went well).
     */
    public static int run(Path repo, boolean test, String base, Supplier<HostInfrastructure> infrastructure, PrintStream out) {
        ImagesCommand images = new ImagesCommand(repo, out);
        try {
            List<ServiceContainer> services = ServiceContainer.all(repo);
            images.build(services, base);
            return test && !images.stage(services, infrastructure) ? 1 : 0;
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

    private boolean stage(List<ServiceContainer> services, Supplier<HostInfrastructure> infrastructure) {
        try (HostInfrastructure host = infrastructure.get()) {
            Endpoints endpoints = new Endpoints(host.addresses(), host.credentials());
            Path logs = host.addresses().state().root().resolve("logs");
            step("PostgreSQL (port " + endpoints.addresses().postgresPort() + ") and Kafka (" + endpoints.kafkaBootstrap()
                    + ") on the host");
            List<String> names = services.stream().map(ServiceContainer::service).toList();
            try (RunningServices running = RunningServices.start(podman, services, endpoints, logs)) {
                step("four containers started; start to ready:");
                running.awaitReady().forEach((service, took) -> step(String.format(Locale.ROOT, "  %-18s %s", service, seconds(took))));

                Map<String, Double> heap = running.heapShareOfLimit();
                Map<String, Double> configured = running.configuredHeapShare();
                boolean heapAsConfigured = heap.keySet().stream()
                        .allMatch(service -> Math.abs(heap.get(service) - configured.get(service)) < 0.01);
                step("largest heap / memory limit: " + percentages(heap) + (heapAsConfigured ? ", as the image's MaxRAMPercentage says"
                        : "  NOT the image's MaxRAMPercentage " + percentages(configured)));

                boolean journeys = SystemTests.run(repo, endpoints.addresses().state().root());
                step("system tests " + SystemTests.JOURNEYS + (journeys ? " passed" : " FAILED"));
                step("memory used / limit after them: " + running.memory());

                boolean stopped = true;
                for (RunningServices.Stop stop : running.stop()) {
                    stopped &= stop.graceful();
                    step(String.format(Locale.ROOT, "  %-18s SIGTERM → exit %d in %s (grace %d s)%s%s", stop.service(), stop.exitCode(),
                            seconds(stop.took()), stop.grace().toSeconds(), stop.logsShutdown() ? "" : ", no shutdown in its log",
                            stop.graceful() ? "" : "  NOT GRACEFUL"));
                }
                Map<String, Long> letters = DeadLetters.count(endpoints.kafkaBootstrap(), names);
                boolean clean = letters.values().stream().allMatch(count -> count == 0);
                step("dead letters " + letters + (clean ? "" : "  NOT EMPTY"));
                boolean passed = heapAsConfigured && journeys && stopped && clean;
                step(passed ? "container stage passed" : "container stage FAILED (logs in " + logs + ")");
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
