package io.smarketing.local;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.smarketing.platform.Addresses;
import io.smarketing.platform.Platform;
import io.smarketing.platform.Profile;

/**
 * {@code ./smarketing bench-history}: a fresh platform of its own (profile {@code BENCH}), then the system tests'
 * {@code HistoryBenchmark} against it (a year of leads produced to Kafka in steps up to each size; the view, goal
 * evaluation and a rebuild measured at each), then the platform stopped.
 */
final class HistoryBench {

    static final String DEFAULT_SIZES = "10000,100000,1000000";

    private HistoryBench() {
    }

    static int run(Launcher launcher, List<Integer> sizes, int clients, int seconds, long rebuildUpTo) {
        Console console = launcher.console();
        // Goals are evaluated every 5 s, so that a round is measured soon after each load.
        Map<String, String> environment = new HashMap<>(launcher.environment());
        environment.putIfAbsent(Platform.GOALS.optionsVariable(), "-Dgoals.evaluation-interval=5s");
        Launcher benchLauncher = new Launcher(launcher.repository(), environment, console, launcher.err());
        Addresses addresses = benchLauncher.addresses(Profile.BENCH);
        Smarketing.deleteTree(addresses.state().root());
        LocalPlatform platform = new LocalPlatform(benchLauncher, addresses);
        try {
            console.heading("history benchmark platform: ./smarketing up --no-demo in " + addresses.state().root());
            Smarketing.bringUp(benchLauncher, platform, false, false);
            console.heading("history benchmark: " + sizes + " leads");
            return benchLauncher.maven(List.of("-pl", "system-tests", "verify", "-DskipSystemTests=false",
                    "-Dtest=HistoryBenchmark", "-Dsurefire.failIfNoSpecifiedTests=false",
                    "-Dsmarketing.home=" + addresses.state().root(),
                    "-Dsmarketing.bench.history=" + String.join(",", sizes.stream().map(String::valueOf).toList()),
                    "-Dsmarketing.bench.clients=" + clients, "-Dsmarketing.bench.seconds=" + seconds,
                    "-Dsmarketing.bench.rebuild-up-to=" + rebuildUpTo));
        } finally {
            console.heading("stopping the history benchmark platform");
            platform.down();
        }
    }
}
