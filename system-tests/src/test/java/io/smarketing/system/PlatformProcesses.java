package io.smarketing.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The processes of the platform under test, for tests that stop and kill them: found as {@code ./smarketing}
 * finds them, by the pid files of the state folder ({@code pids/<name>.pid}), and brought back the way an
 * operator would, with {@code ./smarketing up}.
 */
final class PlatformProcesses {

    /** The grace period the Kubernetes manifests give a pod to stop (terminationGracePeriodSeconds). */
    static final Duration GRACE = Duration.ofSeconds(30);

    private static final Path HOME = Path.of(System.getProperty("smarketing.home"));

    private PlatformProcesses() {
    }

    /** The running process of a component: a service, {@code kafka}, or {@code postgres} (the server itself). */
    static ProcessHandle component(String name) {
        return find(name).orElseThrow(() -> new AssertionError(name + " is not running under " + HOME));
    }

    static Optional<ProcessHandle> find(String name) {
        try {
            long pid = Long.parseLong(Files.readString(HOME.resolve("pids").resolve(name + ".pid")).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Sends SIGTERM and waits until the process is gone, which must be within the grace period. */
    static Duration stop(ProcessHandle process) {
        long started = System.nanoTime();
        assertTrue(process.destroy(), "SIGTERM sent to " + process.pid());
        awaitExit(process, GRACE);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    static void kill(ProcessHandle process) {
        process.destroyForcibly();
        awaitExit(process, Duration.ofSeconds(10));
    }

    /** {@code ./smarketing up --no-build --no-demo} against the test platform: starts whatever is not running. */
    static void up() {
        smarketing(Duration.ofSeconds(180), "up", "--no-build", "--no-demo");
    }

    /** Runs ./smarketing against the test platform and returns what it printed; it must succeed. */
    static List<String> smarketing(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of("..", "smarketing").toAbsolutePath().normalize().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The state folder remembers its platform's ports; the services' options come with the environment that
        // ./smarketing test gives the tests.
        builder.environment().put("SMARKETING_HOME", HOME.toString());
        builder.environment().put("SMARKETING_KAFKA_BOOTSTRAP", System.getProperty("kafka.bootstrap.servers"));
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS), "./smarketing " + String.join(" ", args) + " finishes");
            assertEquals(0, process.exitValue(), output);
            return output.lines().toList();
        } catch (IOException e) {
            throw new AssertionError("cannot run ./smarketing", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void awaitExit(ProcessHandle process, Duration within) {
        try {
            process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("pid " + process.pid() + " did not stop within " + within, e);
        }
    }
}
