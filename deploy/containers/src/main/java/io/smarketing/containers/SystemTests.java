package io.smarketing.containers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs system-tests' journeys against the containers, the way ./smarketing test runs them against the
 * processes: ./mvnw -pl system-tests verify with the stage's state folder, where the launcher wrote its
 * addresses, keys and database roles. The reactor must have been installed before (./smarketing test does that).
 */
final class SystemTests {

    /** The walking skeleton and the whole loop (lead → MQL → SQL → won → the view, ROI, a feedback round). */
    static final List<String> JOURNEYS = List.of("WalkingSkeletonTest", "SmarketingLoopTest");

    private SystemTests() {
    }

    static List<String> command(Path repo, Path state) {
        // the tests find the services, the broker, the signing key and the database roles by the state folder
        return List.of(repo.resolve("mvnw").toString(), "-B", "-pl", "system-tests", "verify", "-DskipSystemTests=false",
                "-Dtest=" + String.join(",", JOURNEYS), "-Dsurefire.failIfNoSpecifiedTests=false", "-Dsmarketing.home=" + state);
    }

    /** True when every journey passed; Maven's output goes to this process's output. */
    static boolean run(Path repo, Path state) {
        try {
            Process maven = new ProcessBuilder(command(repo, state)).directory(repo.toFile())
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
