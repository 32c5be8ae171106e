package io.smarketing.containers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs system-tests' journeys against the containers, the way ./smarketing test runs them against the
 * processes: ./mvnw -pl system-tests verify with the services' URLs, the broker and the signing key as
 * properties. The reactor must have been installed before (./smarketing test does that).
 */
final class SystemTests {

    /** The walking skeleton and the whole loop (lead → MQL → SQL → won → the view, ROI, a feedback round). */
    static final List<String> JOURNEYS = List.of("WalkingSkeletonTest", "SmarketingLoopTest");

    private SystemTests() {
    }

    static List<String> command(Path repo, Map<String, String> urls, String kafkaBootstrap, Path state) {
        List<String> command = new ArrayList<>(List.of(repo.resolve("mvnw").toString(), "-B", "-pl", "system-tests", "verify",
                "-DskipSystemTests=false", "-Dtest=" + String.join(",", JOURNEYS), "-Dsurefire.failIfNoSpecifiedTests=false"));
        urls.forEach((service, url) -> command.add("-Dsmarketing." + service + ".url=" + url));
        command.add("-Dsmarketing.kafka.bootstrap=" + kafkaBootstrap);
        command.add("-Dsmarketing.home=" + state);
        command.add("-Dsmarketing.keys=" + state.resolve("keys"));
        return command;
    }

    /** True when every journey passed; Maven's output goes to this process's output. */
    static boolean run(Path repo, Map<String, String> urls, String kafkaBootstrap, Path state) {
        try {
            Process maven = new ProcessBuilder(command(repo, urls, kafkaBootstrap, state)).directory(repo.toFile())
                    .inheritIO().start();
            return maven.waitFor() == 0;
        } catch (IOException e) {
            throw new ContainerFailure("Cannot run ./mvnw for the system tests: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
