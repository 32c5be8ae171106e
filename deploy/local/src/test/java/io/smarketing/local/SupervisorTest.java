package io.smarketing.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smarketing.platform.StateFolder;

/** How the launcher starts, recognises, waits for and stops a component, with real processes. */
class SupervisorTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private Processes processes;
    private Supervisor supervisor;
    private final List<ProcessHandle> started = new ArrayList<>();

    @BeforeEach
    void supervise() {
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        processes = new Processes(new StateFolder(home), out);
        supervisor = new Supervisor(processes, new Console(out));
    }

    @AfterEach
    void stopWhatStarted() {
        started.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void aComponentStartsInTheBackgroundAndARunningOneIsLeftAlone() throws IOException {
        Launch fake = listening("fake", freePort());
        supervisor.ensureRunning(fake);
        ProcessHandle first = processes.running("fake").orElseThrow();
        started.add(first);
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("-> fake is ready ("), printed.toString(StandardCharsets.UTF_8));

        printed.reset();
        supervisor.ensureRunning(fake);
        assertEquals(first.pid(), processes.running("fake").orElseThrow().pid(), "the same process");
        assertTrue(first.isAlive());
        assertTrue(printed.toString(StandardCharsets.UTF_8).startsWith("-> fake already running (pid " + first.pid()),
                printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aPidFileOfAGoneOrForeignProcessIsStaleAndForgotten() throws Exception {
        Path pidFile = home.resolve("pids/fake.pid");
        Files.createDirectories(pidFile.getParent());

        Process gone = new ProcessBuilder(java(), "-version").start();
        gone.waitFor();
        Files.writeString(pidFile, gone.pid() + "\n");
        assertTrue(processes.running("fake").isEmpty(), "a process that is gone");
        assertFalse(Files.exists(pidFile), "forgotten");

        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
        assertTrue(processes.running("fake").isEmpty(), "a live process without this folder's marker (a reused pid)");
        assertFalse(Files.exists(pidFile));

        Files.writeString(pidFile, "not a pid\n");
        assertTrue(processes.running("fake").isEmpty());
        assertFalse(Files.exists(pidFile));

        // and up starts it again
        supervisor.ensureRunning(listening("fake", freePort()));
        started.add(processes.running("fake").orElseThrow());
    }

    @Test
    void aTakenPortStopsTheStartBeforeAnythingRuns() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            LauncherException refused = assertThrows(LauncherException.class,
                    () -> supervisor.ensureRunning(listening("fake", taken.getLocalPort())));
            assertEquals("port " + taken.getLocalPort() + " (for fake) is already in use by another program: stop it or "
                    + "choose another port (./smarketing --help)", refused.getMessage());
        }
        assertTrue(processes.running("fake").isEmpty());
        assertFalse(Files.exists(home.resolve("logs/fake.log")), "nothing was started");
    }

    @Test
    void aComponentThatDiesWhileStartingFailsTheStartWithTheEndOfItsLog() {
        Launch crashing = new Launch("fake", "fake", List.of(freePort()), fakeCommand("fake", "crash"), Map.of(),
                () -> false, true, Duration.ofSeconds(60));
        LauncherException failed = assertThrows(LauncherException.class, () -> supervisor.ensureRunning(crashing));
        assertEquals("fake stopped while starting (log: " + home.resolve("logs/fake.log") + ")", failed.getMessage());
        assertTrue(failed.detail().contains("----- last 30 lines of " + home.resolve("logs/fake.log")), failed.detail());
        assertTrue(failed.detail().contains("fatal: cannot reach the database"), failed.detail());
        assertTrue(processes.running("fake").isEmpty());
    }

    @Test
    void aComponentThatNeverGetsReadyFailsAfterItsTimeout() {
        Launch slow = new Launch("fake", "fake", List.of(freePort()), fakeCommand("fake", "listen", "0"), Map.of(),
                () -> false, true, Duration.ofSeconds(2));
        LauncherException failed = assertThrows(LauncherException.class, () -> supervisor.ensureRunning(slow));
        processes.running("fake").ifPresent(started::add);
        assertTrue(failed.getMessage().startsWith("fake was not ready after 2 s"), failed.getMessage());
    }

    @Test
    void stopEndsWhatRunsAndALostPidFileLeavesALeftoverThatIsFound() throws IOException {
        supervisor.ensureRunning(listening("one", freePort()));
        supervisor.ensureRunning(listening("two", freePort()));
        ProcessHandle one = processes.running("one").orElseThrow();
        ProcessHandle two = processes.running("two").orElseThrow();
        started.addAll(List.of(one, two));

        Files.delete(home.resolve("pids/two.pid"));
        processes.stop(List.of("one", "two"), new Console(new PrintStream(printed, true, StandardCharsets.UTF_8)));
        assertFalse(one.isAlive());
        assertTrue(two.isAlive(), "stop knows only what its pid files name");
        assertEquals(List.of(two.pid()), processes.leftovers().stream().map(ProcessHandle::pid).toList(),
                "down finds it by this folder's marker");
    }

    private Launch listening(String name, int port) {
        Path log = home.resolve("logs/" + name + ".log");
        return new Launch(name, name, List.of(port), fakeCommand(name, "listen", String.valueOf(port)), Map.of(),
                () -> Probes.logContains(log, "listening"), true, Duration.ofSeconds(60));
    }

    private List<String> fakeCommand(String name, String... args) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(processes.marker(name));
        command.addAll(List.of("@" + classpathArguments(), FakeComponent.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** As KafkaBroker does: a short command line, which ProcessHandle reads in full. */
    private Path classpathArguments() {
        Path file = home.resolve("classpath.args");
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, "-cp \"" + System.getProperty("java.class.path").replace("\\", "\\\\") + "\"\n");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElseThrow();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
