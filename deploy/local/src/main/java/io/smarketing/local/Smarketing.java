package io.smarketing.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.smarketing.containers.HostInfrastructure;
import io.smarketing.containers.ImagesCommand;
import io.smarketing.platform.Addresses;
import io.smarketing.platform.DatabaseCredentials;
import io.smarketing.platform.Platform;
import io.smarketing.platform.Profile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./smarketing}: the one entry point for people. Builds, runs the whole platform on this machine (a real
 * PostgreSQL, a real Kafka broker and the four services, as plain processes) and runs every test. The shim
 * ({@code ./smarketing}, {@code smarketing.cmd}) only finds Java, builds this launcher once and starts it.
 */
@Command(name = "./smarketing", customSynopsis = "./smarketing <command> [arguments]", usageHelpWidth = 120,
        description = {
            "",
            "Runs the Smarketing platform on this machine without containers: a real PostgreSQL and a real Kafka broker (each "
                    + "its own process, fetched from Maven Central by the build) and the four services. Needs only a JDK 17+ "
                    + "(java on the PATH or JAVA_HOME) and access to Maven Central. ./smarketing <command> --help tells more "
                    + "about each command." },
        commandListHeading = "%nCommands:%n",
        subcommands = { Smarketing.Build.class, Smarketing.Up.class, Smarketing.Down.class, Smarketing.Status.class,
            Smarketing.Logs.class, Smarketing.DeadLettersCommand.class, Smarketing.Rebuild.class, Smarketing.Token.class, Smarketing.Test.class,
            Smarketing.Bench.class, Smarketing.BenchHistory.class, Smarketing.Images.class, CommandLine.HelpCommand.class },
        footer = {
            "",
            "State lives in $SMARKETING_HOME (default <repo>/.smarketing): postgres/ (data and binaries), kafka/,",
            "logs/<name>.log (the previous run's as <name>.log.1), pids/, keys/ (dev signing keys), secrets/ (the",
            "database passwords, random per state folder, readable by you only), platform.properties (where it answers).",
            "Start over from empty data with: ./smarketing down && rm -rf .smarketing",
            "",
            "Environment (all optional):",
            "  SMARKETING_HOME               state folder (default <repo>/.smarketing)",
            "  SMARKETING_PG_PORT            PostgreSQL port (default 15432; 5432 with SMARKETING_PG_HOST)",
            "  SMARKETING_KAFKA_PORT         Kafka port (default 19092; its controller listens on the next port)",
            "  SMARKETING_GOALS_PORT         goals-service port (default 8081)",
            "  SMARKETING_LEADS_PORT         leads-service port (default 8082)",
            "  SMARKETING_CAMPAIGNS_PORT     campaigns-service port (default 8083)",
            "  SMARKETING_FEEDBACK_PORT      feedback-service port (default 8084)",
            "  SMARKETING_SERVICE_OPTS       extra JVM options for every service, e.g. -Dleads.follow-up-hours=1",
            "  SMARKETING_DEMO               false: never load the demo data (as up --no-demo)",
            "  SMARKETING_<SERVICE>_OPTS     extra JVM options for one service, e.g. SMARKETING_LEADS_SERVICE_OPTS",
            "Use an existing PostgreSQL instead of starting one:",
            "  SMARKETING_PG_HOST            its host; it must already have the databases goals, leads, campaigns",
            "                                and feedback, each usable by its service's user",
            "  SMARKETING_PG_USER            user of every service (default: the database name)",
            "  SMARKETING_PG_PASSWORD        password of every service (default: the database name)",
            "Use an existing Kafka instead of starting one:",
            "  SMARKETING_KAFKA_BOOTSTRAP    its bootstrap servers, e.g. broker1:9092 (topics are created if missing)",
            "  SMARKETING_KAFKA_CLIENT_PROPERTIES",
            "                                for dead-letters: a properties file with the client's SASL/TLS settings" })
public final class Smarketing implements Callable<Integer> {

    final Launcher launcher;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "this text")
    boolean help;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Smarketing(Launcher launcher) {
        this.launcher = launcher;
    }

    public static void main(String[] args) {
        System.exit(run(Launcher.fromSystem(), args));
    }

    /** Runs one command line; returns the exit code. */
    static int run(Launcher launcher, String... args) {
        CommandLine commandLine = new CommandLine(new Smarketing(launcher))
                .setOut(new PrintWriter(launcher.console().out(), true))
                .setErr(new PrintWriter(launcher.err(), true))
                .setUsageHelpWidth(120);
        // ./smarketing test -pl leads-service -Dtest=...: what the launcher does not know goes to Maven
        commandLine.getSubcommands().get("test").setUnmatchedOptionsArePositionalParams(true);
        commandLine.setExecutionExceptionHandler((exception, failed, parsed) -> {
            if (exception instanceof LauncherException explained) {
                explained.report(launcher.err());
                return explained.exitCode();
            }
            throw exception;
        });
        return commandLine.execute(args);
    }

    /** {@code ./smarketing} alone: the usage. */
    @Override
    public Integer call() {
        spec.commandLine().usage(launcher.console().out());
        return 0;
    }

    /** What every subcommand has: its parent, for the launcher. */
    abstract static class Subcommand implements Callable<Integer> {

        @ParentCommand
        Smarketing parent;

        @Option(names = { "-h", "--help" }, usageHelp = true, description = "this text")
        boolean help;

        Launcher launcher() {
            return parent.launcher;
        }

        Console console() {
            return parent.launcher.console();
        }
    }

    @Command(name = "build", description = "./mvnw install -DskipTests: the service jars and the local runtime")
    static final class Build extends Subcommand {
        @Override
        public Integer call() {
            launcher().build();
            return 0;
        }
    }

    @Command(name = "up", description = {
        "start everything in the background and return when all is healthy",
        "Builds first if something is missing. PostgreSQL and Kafka start together, then the four services together. "
                + "The first start in a state folder loads demo data. Running it again leaves what already runs alone and "
                + "starts what does not (a component stopped or killed, on its own): to run a new build, ./smarketing down "
                + "first." })
    static final class Up extends Subcommand {

        @Option(names = "--build", description = "build first, always")
        boolean build;

        @Option(names = "--no-build", description = "never build (fail if a jar is missing)")
        boolean noBuild;

        @Option(names = "--no-demo", description = "do not load the demo data now (SMARKETING_DEMO=false: never)")
        boolean noDemo;

        @Override
        public Integer call() {
            if (build && noBuild) {
                throw new LauncherException("up: --build and --no-build exclude each other", "", 2);
            }
            long begun = System.nanoTime();
            Launcher launcher = launcher();
            LocalPlatform platform = new LocalPlatform(launcher, launcher.addresses(Profile.LOCAL));
            bringUp(launcher, platform, build, noBuild);
            if (!noDemo && !"false".equalsIgnoreCase(launcher.environment().getOrDefault("SMARKETING_DEMO", "true"))) {
                platform.loadDemoDataOnce();
            }
            Summary.print(launcher, platform.addresses(), Console.since(begun));
            return 0;
        }
    }

    /** Builds if told to or if a jar is missing (unless told never to), then brings the platform up. */
    static void bringUp(Launcher launcher, LocalPlatform platform, boolean build, boolean noBuild) {
        if (build || (!noBuild && !launcher.built())) {
            launcher.build();
        }
        if (!launcher.built()) {
            throw new LauncherException("a service jar is missing (" + launcher.repository().relativize(launcher.jar(
                    Platform.SERVICES.stream().filter(s -> !Files.isRegularFile(launcher.jar(s))).findFirst().orElseThrow()))
                    + "): run ./smarketing build");
        }
        platform.up();
    }

    @Command(name = "down", description = "stop the services, then Kafka, then PostgreSQL (data is kept)")
    static final class Down extends Subcommand {
        @Override
        public Integer call() {
            new LocalPlatform(launcher(), launcher().addresses(Profile.LOCAL)).down();
            return 0;
        }
    }

    @Command(name = "status", description = "what runs: state, pid, port, health")
    static final class Status extends Subcommand {
        @Override
        public Integer call() {
            new LocalPlatform(launcher(), launcher().addresses(Profile.LOCAL)).status();
            return 0;
        }
    }

    @Command(name = "logs", description = "follow a log: postgres, kafka, goals-service, leads-service, campaigns-service, feedback-service")
    static final class Logs extends Subcommand {

        @Parameters(paramLabel = "<name>", description = "the component")
        String name;

        @Override
        public Integer call() throws IOException {
            if (!Platform.componentNames().contains(name)) {
                throw new LauncherException("unknown log \"" + name + "\"; one of: " + String.join(" ", Platform.componentNames()), "", 2);
            }
            Path log = launcher().addresses(Profile.LOCAL).state().log(name);
            if (!Files.exists(log)) {
                throw new LauncherException("no log yet: " + log + " (has ./smarketing up run?)");
            }
            follow(log);
            return 0;
        }

        /** The last 200 lines, then whatever is written, until Ctrl-C. */
        private void follow(Path log) throws IOException {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            lines.subList(Math.max(0, lines.size() - 200), lines.size()).forEach(console().out()::println);
            long position = Files.size(log);
            byte[] buffer = new byte[8192];
            while (!Thread.currentThread().isInterrupted()) {
                try (InputStream in = Files.newInputStream(log)) {
                    if (Files.size(log) < position) {
                        position = 0; // a new run started a new log
                    }
                    in.skipNBytes(position);
                    for (int read; (read = in.read(buffer)) > 0; position += read) {
                        console().out().write(buffer, 0, read);
                    }
                    console().out().flush();
                }
                Supervisor.pause(java.time.Duration.ofMillis(250));
            }
        }
    }

    @Command(name = "dead-letters", description = {
        "what the service put on its dead-letter topic (smarketing.dlq.<service>); --replay sends them back",
        "--replay sends each letter not replayed before back to its topic, once the cause is fixed (consumers that "
                + "processed it skip it). A letter goes back only to the topic it came from, only if the service consumes "
                + "that topic, and only if its ce_type belongs there; any other is refused, and the listing says why." })
    static final class DeadLettersCommand extends Subcommand {

        @Parameters(paramLabel = "<service>", description = "goals-service, leads-service, campaigns-service or feedback-service")
        String service;

        @Option(names = "--replay", description = "send the letters back")
        boolean replay;

        @Override
        public Integer call() {
            if (Platform.service(service).isEmpty()) {
                throw new LauncherException("dead-letters: unknown service " + service + " (" + String.join(" ", Platform.serviceNames()) + ")");
            }
            return DeadLetters.run(launcher().addresses(Profile.LOCAL).kafkaBootstrap(), service, replay, console().out());
        }
    }

    @Command(name = "rebuild", description = {
        "rebuild a service's projections from its topics, then switch the running service over to them",
        "Runs the service's jar beside the running service as a rebuild (the Quarkus profile rebuild, log: "
                + "logs/<service>-rebuild.log): it replays every topic the service consumes from offset 0, under a consumer "
                + "group of its own, into fresh tables of a schema of its own, while the service serves and projects as "
                + "before. Once it has caught up, the live consumers wait a moment, the rebuild applies the last records, "
                + "and the rebuilt tables replace the live ones in one transaction; the replaced ones stay in the schema "
                + "smarketing_replaced until the next rebuild. goals-service (the shared view) and campaigns-service "
                + "(campaign performance) can be rebuilt; feedback-service cannot (its consumer also opens feedback rounds, "
                + "its own data), nor leads-service. The same in Kubernetes: deploy/k8s/jobs." })
    static final class Rebuild extends Subcommand {

        @Parameters(paramLabel = "<service>", description = "goals-service or campaigns-service")
        String service;

        @Option(names = "--timeout", paramLabel = "MINUTES", description = "give up after this long (default ${DEFAULT-VALUE})")
        long minutes = ProjectionRebuild.DEFAULT_TIMEOUT.toMinutes();

        @Override
        public Integer call() {
            if (minutes < 1) {
                throw new LauncherException("rebuild: --timeout must be at least 1 minute", "", 2);
            }
            LocalPlatform platform = new LocalPlatform(launcher(), launcher().addresses(Profile.LOCAL));
            java.time.Duration took = ProjectionRebuild.run(platform, console(), service, java.time.Duration.ofMinutes(minutes));
            console().step(service + " rebuilt and switched over (took " + Console.seconds(took) + ")");
            return 0;
        }
    }

    @Command(name = "token", description = "print a signed dev bearer token (role: marketing, sales or executive; valid 8 hours unless told)")
    static final class Token extends Subcommand {

        @Parameters(index = "0", paramLabel = "<role>", description = "marketing, sales or executive")
        String role;

        @Parameters(index = "1", paramLabel = "<user>", description = "who the token is for")
        String user;

        @Parameters(index = "2", arity = "0..1", paramLabel = "[hours]", description = "how long it is valid (default 8)")
        long hours = 8;

        @Override
        public Integer call() throws IOException, GeneralSecurityException {
            try {
                console().out().println(DevTokens.token(launcher().addresses(Profile.LOCAL).state().keys(), role, user, hours));
                return 0;
            } catch (IllegalArgumentException e) {
                throw new LauncherException(e.getMessage(), "", 2);
            }
        }
    }

    @Command(name = "test", description = {
        "every test: unit and @QuarkusTests, then the system tests against a platform of their own",
        "./mvnw install [maven args], then a fresh platform in .smarketing/test (ports 18081-18084, PostgreSQL 25432, "
                + "Kafka 29092, a second leads-service on 18092) and the system tests against it; it is stopped afterwards." })
    static final class Test extends Subcommand {

        @Parameters(paramLabel = "[maven args]", description = "passed to ./mvnw install")
        List<String> mavenArguments = new ArrayList<>();

        @Override
        public Integer call() {
            return new TestRun(launcher()).run(mavenArguments);
        }
    }

    @Command(name = "bench", description = {
        "measure a fresh platform of its own (.smarketing/bench, ports 28081-28084) through its APIs",
        "Lead capture, the shared view's lag, one lead end to end, fifty live dashboards, lifecycle transitions, view "
                + "reads, a backlog (a 100,000-line import: relay and per-consumer drain rates) and pgbench's durable insert "
                + "rate on the same PostgreSQL as the machine's ceiling; prints throughput and latency percentiles." })
    static final class Bench extends Subcommand {

        @Option(names = "--count", paramLabel = "N", description = "leads to capture (default ${DEFAULT-VALUE})")
        int count = Benchmark.DEFAULT_COUNT;

        @Option(names = "--clients", paramLabel = "C", description = "concurrent clients (default ${DEFAULT-VALUE})")
        int clients = Benchmark.DEFAULT_CLIENTS;

        @Option(names = "--backlog", paramLabel = "N", description = "lines of the backlog import, 0 for none (default ${DEFAULT-VALUE})")
        int backlog = Benchmark.DEFAULT_BACKLOG;

        @Override
        public Integer call() throws IOException, GeneralSecurityException {
            if (count < Benchmark.LIFECYCLE_LEADS || clients < 1 || backlog < 0) {
                throw new LauncherException("bench: --count must be at least " + Benchmark.LIFECYCLE_LEADS
                        + ", --clients at least 1 and --backlog at least 0", "", 2);
            }
            Launcher launcher = launcher();
            Addresses addresses = launcher.addresses(Profile.BENCH);
            // A platform of its own, fresh every run, so the numbers never depend on what the demo or an earlier run
            // left, and a running ./smarketing up is neither disturbed nor filled.
            deleteTree(addresses.state().root());
            LocalPlatform platform = new LocalPlatform(launcher, addresses);
            try {
                console().heading("benchmark platform: ./smarketing up --no-demo in " + addresses.state().root());
                bringUp(launcher, platform, false, false);
                console().heading("benchmark");
                Benchmark.measure(DevTokens.readPrivateKey(addresses.state().privateKey()), platform, platform.credentials(),
                        count, clients, backlog);
                return 0;
            } catch (IllegalArgumentException | PlatformApi.Failure e) {
                throw new LauncherException("bench: " + e.getMessage());
            } finally {
                console().heading("stopping the benchmark platform");
                platform.down();
            }
        }
    }

    @Command(name = "bench-history", description = {
        "the shared view as history grows: a fresh platform of its own (.smarketing/bench) loaded with up to a million leads",
        "100 campaigns and 50 goals through the APIs, then a year of leads with a realistic mix of stages produced straight "
                + "to smarketing.leads.v1 (as leads-service publishes them), in steps up to each size. At each size, once "
                + "every consumer has applied everything: GET /api/view p50/p99 and requests/s with concurrent clients (shared "
                + "and freshly computed), one round of goal evaluation, the 50 goals' progress, and ./smarketing rebuild "
                + "goals-service over the whole log. Prints one line per size. A million leads take about an hour here." })
    static final class BenchHistory extends Subcommand {

        @Option(names = "--sizes", paramLabel = "N", split = ",",
                description = "lead counts to measure at (default " + HistoryBench.DEFAULT_SIZES + ")")
        List<Integer> sizes = new ArrayList<>(List.of(10_000, 100_000, 1_000_000));

        @Option(names = "--clients", paramLabel = "C", description = "concurrent view readers (default ${DEFAULT-VALUE})")
        int clients = 8;

        @Option(names = "--seconds", paramLabel = "S", description = "how long each view measurement runs (default ${DEFAULT-VALUE})")
        int seconds = 15;

        @Option(names = "--rebuild-up-to", paramLabel = "N", description = "rebuild only at sizes up to N leads (default: at every size)")
        long rebuildUpTo = Long.MAX_VALUE;

        @Override
        public Integer call() {
            if (sizes.isEmpty() || sizes.stream().anyMatch(size -> size < 1) || clients < 1 || seconds < 1) {
                throw new LauncherException("bench-history: --sizes must be positive lead counts, --clients and --seconds at "
                        + "least 1", "", 2);
            }
            return HistoryBench.run(launcher(), sizes, clients, seconds, rebuildUpTo);
        }
    }

    @Command(name = "images", description = {
        "container images with podman (deploy/containers); test also runs them against a fresh PostgreSQL and Kafka",
        "build (the default): the base image (made from Debian's packages, cached, unless --base names one) and the four "
                + "service images, localhost/smarketing/<service>:local. test: build, then a fresh PostgreSQL and Kafka on "
                + "the host (.smarketing/containers/stage, PostgreSQL 20432, Kafka 24092), the four containers on "
                + "13081-13084, the walking skeleton and the whole loop through them, a SIGTERM to each (it must stop "
                + "within its grace period) and no dead letters. Builds the jars first if they are missing. podman and "
                + "debootstrap need root." })
    static final class Images extends Subcommand {

        @Parameters(arity = "0..1", paramLabel = "[build|test]", description = "build (default) or test")
        String action = "build";

        @Option(names = "--base", paramLabel = "IMAGE", description = "build the service images on this base image")
        String base;

        @Override
        public Integer call() {
            if (!List.of("build", "test").contains(action)) {
                throw new LauncherException("images: build or test, not \"" + action + "\"", "", 2);
            }
            Launcher launcher = launcher();
            if (!launcher.built()) {
                launcher.build();
            }
            Addresses addresses = launcher.addresses(Profile.IMAGES);
            return ImagesCommand.run(launcher.repository(), action.equals("test"), base,
                    () -> StageInfrastructure.start(launcher, addresses), console().out());
        }
    }

    /** The container stage's PostgreSQL and Kafka: fresh, started as {@code up} starts them, stopped on close. */
    record StageInfrastructure(LocalPlatform platform, DatabaseCredentials credentials) implements HostInfrastructure {

        static StageInfrastructure start(Launcher launcher, Addresses addresses) {
            deleteTree(addresses.state().root());
            LocalPlatform platform = new LocalPlatform(launcher, addresses);
            try {
                platform.upInfrastructure();
                return new StageInfrastructure(platform, platform.credentials());
            } catch (RuntimeException e) {
                platform.down();
                throw e;
            }
        }

        @Override
        public Addresses addresses() {
            return platform.addresses();
        }

        @Override
        public void close() {
            platform.down();
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new LauncherException("cannot delete " + root + ": " + e.getMessage());
        }
    }
}
