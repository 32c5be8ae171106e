package io.smarketing.local;

import java.time.Duration;
import java.util.Optional;

/** Starts a process unless it runs, and waits until it is ready; tells clearly why it did not get there. */
final class Supervisor {

    private static final Duration POLL = Duration.ofMillis(200);

    private final Processes processes;
    private final Console console;

    Supervisor(Processes processes, Console console) {
        this.processes = processes;
        this.console = console;
    }

    /** Fails unless every port of a launch that does not run yet is free. */
    void requireFree(Launch launch) {
        if (processes.running(launch.name()).isEmpty()) {
            launch.ports().forEach(port -> requireFree(port, launch.title()));
        }
    }

    static void requireFree(int port, String what) {
        if (!Probes.portFree(port)) {
            throw new LauncherException("port " + port + " (for " + what + ") is already in use by another program: stop it "
                    + "or choose another port (./smarketing --help)");
        }
    }

    /** A running one is left alone (and, if it says so, awaited); otherwise started and awaited. */
    void ensureRunning(Launch launch) {
        long begun = System.nanoTime();
        Optional<ProcessHandle> running = processes.running(launch.name());
        if (running.isPresent()) {
            console.step(launch.title() + " already running (pid " + running.get().pid() + ", port " + launch.ports().get(0) + ")");
            if (launch.awaitWhenRunning()) {
                await(launch, running.get(), begun);
            }
            return;
        }
        requireFree(launch);
        console.step("starting " + launch.title() + " on port " + launch.ports().get(0));
        await(launch, processes.start(launch.name(), launch.command(), launch.environment()), begun);
    }

    private void await(Launch launch, ProcessHandle process, long begun) {
        long deadline = begun + launch.timeout().toNanos();
        while (!launch.ready().getAsBoolean()) {
            if (!process.isAlive()) {
                processes.forget(launch.name());
                throw new LauncherException(launch.name() + " stopped while starting (log: " + processes.state().log(launch.name())
                        + ")", Probes.logTail(processes.state().log(launch.name()), 30));
            }
            if (System.nanoTime() > deadline) {
                throw new LauncherException(launch.name() + " was not ready after " + launch.timeout().toSeconds() + " s (log: "
                        + processes.state().log(launch.name()) + ")", Probes.logTail(processes.state().log(launch.name()), 30));
            }
            pause(POLL);
        }
        console.step(launch.title() + " is ready (" + Console.since(begun) + ")");
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }
}
