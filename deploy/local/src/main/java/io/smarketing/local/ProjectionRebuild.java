package io.smarketing.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.smarketing.platform.Platform;
import io.smarketing.platform.Readiness;
import io.smarketing.platform.Service;

/**
 * {@code ./smarketing rebuild <service>}: runs the service's jar as a rebuild of its projections beside the live
 * service (chassis {@code ProjectionRebuild}), shows its progress and waits until it switched over or failed.
 */
final class ProjectionRebuild {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(60);
    /** The rebuild's own lines (progress, switch, failure) among the service's log. */
    private static final Pattern PROGRESS = Pattern.compile("\\[io\\.smarketing\\.chassis\\.rebuild\\.|Rebuild: ");
    /** What precedes the message: time, level, [category] (thread). */
    private static final Pattern MESSAGE = Pattern.compile("^.*?\\] \\([^)]*\\) ");

    private ProjectionRebuild() {
    }

    /** Returns how long it took; throws with the log's tail when it failed. */
    static Duration run(LocalPlatform platform, Console console, String name, Duration timeout) {
        Service service = Platform.service(name).orElseThrow(() -> new LauncherException("rebuild: unknown service " + name
                + " (" + String.join(" ", Platform.serviceNames()) + ")"));
        int port = platform.addresses().port(service.name());
        if (Probes.httpStatus(port, ((Readiness.HttpOk) service.component().readiness()).path()) != 200) {
            throw new LauncherException("rebuild: " + service.name() + " does not run on port " + port
                    + ": the rebuild replaces the projections of a running platform (./smarketing up)");
        }
        String rebuild = LocalPlatform.rebuildName(service);
        Processes processes = platform.processes();
        if (processes.running(rebuild).isPresent()) {
            throw new LauncherException("rebuild: a rebuild of " + service.name() + " runs already (pid "
                    + processes.running(rebuild).get().pid() + ")");
        }
        long begun = System.nanoTime();
        String run = String.valueOf(System.currentTimeMillis());
        Path log;
        Process process;
        try {
            log = processes.freshLog(rebuild);
            process = platform.rebuildProcess(service, run).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new LauncherException("rebuild: cannot start " + rebuild + ": " + e.getMessage());
        }
        processes.remember(rebuild, process.toHandle());
        console.step("rebuilding " + service.name() + " from its topics (run " + run + ", log: " + log + ")");
        try {
            follow(process, log, console, begun + timeout.toNanos());
        } finally {
            if (process.isAlive()) {
                process.destroy();
                awaitExit(process, Processes.STOP_TIMEOUT);
            }
            processes.forget(rebuild);
        }
        if (process.exitValue() != 0) {
            throw new LauncherException("rebuild of " + service.name() + " failed (exit " + process.exitValue() + "; log: " + log
                    + "); the live service goes on with its tables unchanged", Probes.logTail(log, 30));
        }
        return Duration.ofNanos(System.nanoTime() - begun);
    }

    /** Shows the rebuild's own log lines as they come, until the process ends or the deadline passes. */
    private static void follow(Process process, Path log, Console console, long deadline) {
        long position = 0;
        StringBuilder partial = new StringBuilder();
        byte[] buffer = new byte[8192];
        while (true) {
            boolean ended = !process.isAlive();
            try (InputStream in = Files.newInputStream(log)) {
                in.skipNBytes(position);
                for (int read; (read = in.read(buffer)) > 0; position += read) {
                    partial.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new LauncherException("rebuild: cannot read " + log + ": " + e.getMessage());
            }
            for (int newline; (newline = partial.indexOf("\n")) >= 0; partial.delete(0, newline + 1)) {
                String line = partial.substring(0, newline);
                if (PROGRESS.matcher(line).find()) {
                    console.indented(MESSAGE.matcher(line).replaceFirst(""));
                }
            }
            if (ended) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new LauncherException("rebuild: not done within the timeout; stopped it (log: " + log
                        + "); the live service goes on with its tables unchanged");
            }
            Supervisor.pause(Duration.ofMillis(250));
        }
    }

    private static void awaitExit(Process process, Duration within) {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
