package io.smarketing.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.smarketing.platform.Addresses;
import io.smarketing.platform.Platform;
import io.smarketing.platform.Profile;

/** ./smarketing test: the build with every module's tests, then a test platform and the system tests. */
final class TestRun {

    private final Launcher launcher;
    private final Map<String, String> timings = new LinkedHashMap<>();
    /** Set once the test platform is down, so that the Ctrl-C hook does not stop it twice. */
    private volatile boolean stopped;

    TestRun(Launcher launcher) {
        this.launcher = launcher;
    }

    int run(List<String> mavenArguments) {
        Console console = launcher.console();
        LocalPlatform platform = null;
        int exit = 1;
        try {
            console.heading("[1/3] unit and service tests: ./mvnw -B install " + String.join(" ", mavenArguments));
            List<String> install = new ArrayList<>(List.of("install"));
            install.addAll(mavenArguments);
            timed("unit and service tests", () -> launcher.maven(install));

            // A platform of its own beside any running ./smarketing up: own state folder (fresh every run, so a
            // run never depends on the last one's data), own ports, and short SLA and goal timers.
            Map<String, String> environment = new HashMap<>(launcher.environment());
            environment.putIfAbsent(Platform.LEADS.optionsVariable(), "-Dleads.follow-up-hours=PT3S -Dleads.sla-check-interval=1s");
            environment.putIfAbsent(Platform.GOALS.optionsVariable(),
                        "-Dgoals.evaluation-interval=2s -Dmp.messaging.incoming.events.auto.commit.interval.ms=100");
            Launcher testLauncher = new Launcher(launcher.repository(), environment, console, launcher.err());
            Addresses addresses = testLauncher.addresses(Profile.TEST).withReplica(Platform.LEADS);
            Smarketing.deleteTree(addresses.state().root());
            LocalPlatform started = new LocalPlatform(testLauncher, addresses);
            platform = started;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopOnInterrupt(started), "smarketing-test-stop"));

            console.heading("[2/3] test platform: ./smarketing up in " + addresses.state().root());
            timed("test platform up", () -> {
                Smarketing.bringUp(testLauncher, started, false, true);
                return 0;
            });
            // Two replicas of leads-service on one database and one consumer group, for the scaling test.
            console.step("a second leads-service instance, for the two-replica tests");
            started.upReplica(Platform.LEADS);

            console.heading("[3/3] system tests against the test platform");
            exit = timed("system tests", () -> testLauncher.maven(List.of("-pl", "system-tests", "verify",
                    "-DskipSystemTests=false", "-Dsmarketing.home=" + addresses.state().root())));
        } catch (LauncherException e) {
            if (!e.detail().isEmpty()) {
                launcher.err().println(e.detail());
            }
            launcher.err().println("smarketing: " + e.getMessage());
            exit = e.exitCode();
        } finally {
            if (platform != null) {
                console.heading("stopping the test platform");
                LocalPlatform stopping = platform;
                timed("test platform down", () -> {
                    stopping.down();
                    return 0;
                });
                stopped = true;
            }
            console.out().printf("%nTimings:%n");
            timings.forEach((step, took) -> console.out().printf("  %-26s %s%n", step, took));
        }
        if (exit == 0) {
            console.out().printf("%nAll tests passed.%n");
        } else {
            launcher.err().printf("%nTests FAILED (exit %d).%n", exit);
        }
        return exit;
    }

    /** Ctrl-C while the test platform runs: stop it all the same. */
    private void stopOnInterrupt(LocalPlatform platform) {
        if (!stopped) {
            platform.down();
        }
    }

    /** Runs a step and keeps its duration; a step that fails (non-zero exit) ends the run with its exit code. */
    private int timed(String step, Callable<Integer> action) {
        long begun = System.nanoTime();
        timings.put(step, "failed");
        int exit;
        try {
            exit = action.call();
        } catch (LauncherException e) {
            throw e;
        } catch (Exception e) {
            throw new LauncherException(step + ": " + e);
        }
        if (exit != 0) {
            throw new LauncherException(step + " failed (exit " + exit + ")", "", exit);
        }
        timings.put(step, Console.since(begun));
        return exit;
    }
}
