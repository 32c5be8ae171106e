package io.smarketing.local;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.smarketing.platform.StateFolder;

/**
 * The processes of one state folder, through {@link ProcessHandle}: each is remembered in {@code pids/<name>.pid}
 * and carries two marker options ({@code -Dsmarketing.component=<name> -Dsmarketing.state=<folder>}), so that a
 * pid is recognised as that component of that folder and never confused with a pid the system reused.
 */
final class Processes {

    static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    /** Linux: a new session, so that a hangup or Ctrl-C of the terminal that ran {@code up} leaves the platform alone. */
    private static final Optional<String> SETSID = Optional.of("/usr/bin/setsid").filter(path -> new File(path).canExecute());

    private final StateFolder state;
    private final PrintStream err;

    Processes(StateFolder state, PrintStream err) {
        this.state = state;
        this.err = err;
    }

    StateFolder state() {
        return state;
    }

    /** The options that mark a JVM as this folder's {@code name}. */
    List<String> marker(String name) {
        return List.of("-Dsmarketing.component=" + name, stateMarker());
    }

    private String stateMarker() {
        return "-Dsmarketing.state=" + state.root();
    }

    /** Whether a process carries the marker of this folder's {@code name}. */
    boolean isMarked(ProcessHandle process, String name) {
        List<String> arguments = arguments(process);
        return arguments.containsAll(marker(name));
    }

    /** The running process of a component started with {@link #start}; a stale pid file is forgotten. */
    Optional<ProcessHandle> running(String name) {
        return running(name, process -> isMarked(process, name));
    }

    /** The running process a pid file names, if it is what {@code isIt} recognises; a stale pid file is forgotten. */
    Optional<ProcessHandle> running(String name, Predicate<ProcessHandle> isIt) {
        Path file = pidFile(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Optional<ProcessHandle> process = readPid(file).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).filter(isIt);
        if (process.isEmpty()) {
            forget(name);
        }
        return process;
    }

    /**
     * Starts a component in the background, output and errors to {@code logs/<name>.log} (the previous one kept as
     * {@code <name>.log.1}), nothing on its standard input, and remembers its pid.
     */
    ProcessHandle start(String name, List<String> command, Map<String, String> environment) {
        try {
            Path log = freshLog(name);
            List<String> full = new ArrayList<>();
            SETSID.ifPresent(full::add);
            full.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            remember(name, process.toHandle());
            return process.toHandle();
        } catch (IOException e) {
            throw new LauncherException("cannot start " + name + ": " + e.getMessage());
        }
    }

    /** An empty {@code logs/<name>.log}, the previous one kept as {@code <name>.log.1}. */
    Path freshLog(String name) throws IOException {
        Path log = state.log(name);
        Files.createDirectories(log.getParent());
        if (Files.exists(log)) {
            Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.createFile(log); // exists before the process writes, for whoever waits on it
        return log;
    }

    void remember(String name, ProcessHandle process) {
        try {
            Files.createDirectories(state.pids());
            Files.writeString(pidFile(name), process.pid() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void forget(String name) {
        try {
            Files.deleteIfExists(pidFile(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM to each running one at once, then waits for all; SIGKILL after {@link #STOP_TIMEOUT}. */
    void stop(List<String> names, Console console) {
        Map<String, ProcessHandle> found = new LinkedHashMap<>();
        for (String name : names) {
            running(name).ifPresent(process -> found.put(name, process));
        }
        if (found.isEmpty()) {
            return;
        }
        console.step("stopping " + String.join(" ", found.keySet()));
        found.values().forEach(ProcessHandle::destroy);
        awaitExit(found.values());
        found.keySet().forEach(this::forget);
    }

    /** Waits until they are gone, and kills what is still there after {@link #STOP_TIMEOUT}. */
    void awaitExit(Iterable<ProcessHandle> processes) {
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception timedOut) {
                err.printf("smarketing: pid %d did not stop within %d s: killing it%n", process.pid(), STOP_TIMEOUT.toSeconds());
                process.destroyForcibly();
            }
        }
    }

    /** Processes that carry this folder's state marker whatever their pid files say (a pid file lost, say). */
    List<ProcessHandle> leftovers() {
        long self = ProcessHandle.current().pid();
        String marker = stateMarker();
        return ProcessHandle.allProcesses().filter(process -> process.pid() != self)
                .filter(process -> arguments(process).contains(marker)).toList();
    }

    static List<String> arguments(ProcessHandle process) {
        return process.info().arguments().map(List::of).orElse(List.of());
    }

    private Path pidFile(String name) {
        return state.pids().resolve(name + ".pid");
    }

    /** The pid a pid file holds, if it holds one. */
    static Optional<Long> readPid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
