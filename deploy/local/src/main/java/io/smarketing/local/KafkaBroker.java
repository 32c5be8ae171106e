package io.smarketing.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.Uuid;

import io.smarketing.platform.Addresses;
import io.smarketing.platform.Platform;
import io.smarketing.platform.Readiness;
import io.smarketing.platform.Start;

/** The local Kafka broker: a single-node KRaft broker from the launcher's classpath, its data in the state folder. */
final class KafkaBroker {

    static final String NAME = Platform.KAFKA.name();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Launcher launcher;
    private final Processes processes;
    private final Addresses addresses;

    KafkaBroker(Launcher launcher, Processes processes, Addresses addresses) {
        this.launcher = launcher;
        this.processes = processes;
        this.addresses = addresses;
    }

    Path data() {
        return processes.state().kafka().resolve("data");
    }

    Path configuration() {
        return processes.state().kafka().resolve("server.properties");
    }

    /** Kafka's controller listens on the port after the broker's. */
    int controllerPort() {
        return addresses.kafkaPort() + 1;
    }

    /** What the broker is started with. */
    Properties serverProperties() {
        String broker = "127.0.0.1:" + addresses.kafkaPort();
        String controller = "127.0.0.1:" + controllerPort();
        Properties properties = new Properties();
        properties.setProperty("process.roles", "broker,controller");
        properties.setProperty("node.id", "1");
        properties.setProperty("controller.quorum.voters", "1@" + controller);
        properties.setProperty("listeners", "PLAINTEXT://" + broker + ",CONTROLLER://" + controller);
        properties.setProperty("advertised.listeners", "PLAINTEXT://" + broker);
        properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.setProperty("controller.listener.names", "CONTROLLER");
        properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
        properties.setProperty("log.dirs", data().toString());
        properties.setProperty("num.partitions", "3");
        properties.setProperty("auto.create.topics.enable", "true");
        properties.setProperty("group.initial.rebalance.delay.ms", "0");
        // After an unclean stop (kill -9) the restarted broker waits for its old session to expire (default 9 s).
        properties.setProperty("broker.heartbeat.interval.ms", "1000");
        properties.setProperty("broker.session.timeout.ms", "5000");
        for (String internal : List.of("offsets.topic", "transaction.state.log", "share.coordinator.state.topic")) {
            properties.setProperty(internal + ".replication.factor", "1");
        }
        properties.setProperty("transaction.state.log.min.isr", "1");
        properties.setProperty("share.coordinator.state.topic.min.isr", "1");
        return properties;
    }

    /** The broker as {@link Supervisor} starts it: ready when its log says it started. */
    Launch launch() {
        Start.JavaMain start = (Start.JavaMain) Platform.KAFKA.start();
        List<String> command = new ArrayList<>(List.of(launcher.java()));
        command.addAll(start.jvmOptions());
        command.addAll(processes.marker(NAME));
        // the classpath in an argument file: ProcessHandle reads no more than 4 KB of a command line, the markers included
        command.addAll(List.of("@" + classpathArguments(), start.mainClass(), configuration().toString()));
        String line = ((Readiness.LogLine) Platform.KAFKA.readiness()).text();
        Path log = processes.state().log(NAME);
        return new Launch(NAME, Platform.KAFKA.title(), List.of(addresses.kafkaPort(), controllerPort()), command, Map.of(),
                () -> Probes.logContains(log, line), false, START_TIMEOUT);
    }

    /** Starts it unless it runs (or is external), then creates the topics that are missing. */
    void ensureRunning(Supervisor supervisor, Console console) {
        if (addresses.externalKafka()) {
            console.step("Kafka: using " + addresses.kafkaBootstrap() + " (SMARKETING_KAFKA_BOOTSTRAP)");
        } else {
            if (processes.running(NAME).isEmpty()) {
                supervisor.requireFree(launch());
                writeConfiguration();
                formatStorageOnce(console);
            }
            supervisor.ensureRunning(launch());
        }
        console.step("creating topics if missing");
        try {
            console.indented(LocalTopics.create(addresses.kafkaBootstrap()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }

    Path classpathArguments() {
        return processes.state().kafka().resolve("classpath.args");
    }

    private void writeConfiguration() {
        try {
            Files.createDirectories(configuration().getParent());
            String quoted = launcher.classpath().replace("\\", "\\\\").replace("\"", "\\\"");
            Files.writeString(classpathArguments(), "-cp \"" + quoted + "\"\n");
            try (Writer writer = Files.newBufferedWriter(configuration())) {
                serverProperties().store(writer, "Written by ./smarketing up: a single-node KRaft broker for local use");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kafka's StorageTool, once per state folder: the data directory gets a cluster id. */
    private void formatStorageOnce(Console console) {
        if (Files.exists(data().resolve("meta.properties"))) {
            return;
        }
        console.step("formatting Kafka storage in " + data());
        Path log = processes.state().log("kafka-format");
        List<String> command = List.of(launcher.java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "@" + classpathArguments(),
                "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", configuration().toString());
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            process.getOutputStream().close();
            if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new LauncherException("could not format Kafka storage", Probes.logTail(log, 20));
            }
        } catch (IOException e) {
            throw new LauncherException("could not format Kafka storage: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }
}
