package io.smarketing.containers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL and a real Kafka broker on the host for the containers to use, each its own process,
 * made of deploy/local's parts as {@code ./smarketing up} makes them: LocalPostgres (one database and role
 * per service), a single-node KRaft broker, LocalTopics and DevTokens, run from deploy/local's classes and
 * runtime classpath (its build writes {@code target/runtime-classpath.txt}). Fresh state in the given folder.
 */
public final class HostInfrastructure implements AutoCloseable {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final List<String> TOOL_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final String classpath;
    private final Path state;
    private final int postgresPort;
    private final int kafkaPort;
    private final List<Process> processes = new ArrayList<>();

    private HostInfrastructure(String classpath, Path state, int postgresPort, int kafkaPort) {
        this.classpath = classpath;
        this.state = state;
        this.postgresPort = postgresPort;
        this.kafkaPort = kafkaPort;
        // an interrupted stage (Ctrl-C, SIGTERM) leaves no database or broker behind
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
    }

    /**
     * Starts PostgreSQL and Kafka (ports: the given one and, for Kafka's controller, the next), creates topics and
     * keys; deploy/local is the repository's built module.
     */
    public static HostInfrastructure start(Path localModule, Path state, int postgresPort, int kafkaPort) {
        HostInfrastructure infrastructure = new HostInfrastructure(localClasspath(localModule), state, postgresPort, kafkaPort);
        try {
            BaseImage.deleteTree(state);
            Files.createDirectories(state.resolve("logs"));
            infrastructure.tool("io.smarketing.local.DevTokens", "keys", infrastructure.keys().toString());
            infrastructure.startPostgres();
            infrastructure.startKafka();
            infrastructure.tool("io.smarketing.local.LocalTopics", infrastructure.kafkaBootstrap());
            return infrastructure;
        } catch (IOException e) {
            infrastructure.close();
            throw new UncheckedIOException("Cannot prepare " + state, e);
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
    }

    public Path keys() {
        return state.resolve("keys");
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    public int postgresPort() {
        return postgresPort;
    }

    private void startPostgres() throws IOException {
        Process postgres = launch("postgres", List.of("-Xmx160m", "-cp", classpath, "io.smarketing.local.LocalPostgres",
                "--port", String.valueOf(postgresPort), "--data", state.resolve("postgres/data").toString(),
                "--binaries", state.resolve("postgres/binaries").toString(), "--log", log("postgres").toString()), false);
        // LocalPostgres prints "ready" once every service's database exists
        try (BufferedReader out = new BufferedReader(new InputStreamReader(postgres.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals("ready")) {
                    return;
                }
            }
        }
        throw new ContainerFailure("PostgreSQL did not start: see " + log("postgres"));
    }

    static String kafkaProperties(Path data, int port) {
        int controller = port + 1;
        return String.join("\n",
                "# Written by deploy/containers: a single-node KRaft broker, as ./smarketing up runs it.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=3",
                "group.initial.rebalance.delay.ms=0",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "");
    }

    private void startKafka() throws IOException {
        Path properties = state.resolve("kafka/server.properties");
        Files.createDirectories(properties.getParent());
        Files.writeString(properties, kafkaProperties(state.resolve("kafka/data"), kafkaPort));
        String clusterId = tool("kafka.tools.StorageTool", "random-uuid").strip();
        tool("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", properties.toString());
        launch("kafka", List.of("-Xmx512m", "-cp", classpath, "kafka.Kafka", properties.toString()), true);
    }

    /** Runs one of the classpath's mains to its end; returns its standard output, fails with its log. */
    private String tool(String main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(TOOL_JVM);
        command.addAll(List.of("-cp", classpath, main));
        command.addAll(List.of(args));
        Path log = log("tools");
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!Podman.waitFor(process, 120) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new ContainerFailure(main + " " + String.join(" ", args) + " failed: see " + log);
        }
        return out;
    }

    private synchronized Process launch(String name, List<String> jvmArgs, boolean outputToLog) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(jvmArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log(name).toFile()));
        if (outputToLog) {
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log(name).toFile()));
        }
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private Path log(String name) {
        return state.resolve("logs/" + name + ".log");
    }

    static String localClasspath(Path localModule) {
        Path classes = localModule.resolve("target/classes");
        Path dependencies = localModule.resolve("target/runtime-classpath.txt");
        if (!Files.isDirectory(classes) || !Files.exists(dependencies)) {
            throw new ContainerFailure(localModule + " is not built: ./mvnw install -DskipTests");
        }
        try {
            return classes + java.io.File.pathSeparator + Files.readString(dependencies).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM to Kafka, then to PostgreSQL (LocalPostgres stops its server cleanly), killed after 20 s. */
    @Override
    public synchronized void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }
}
