package io.smarketing.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.smarketing.platform.Addresses;
import io.smarketing.platform.Platform;
import io.smarketing.platform.Profile;
import io.smarketing.platform.Service;
import io.smarketing.platform.Start;

/** What every command needs: the repository, the environment, the JVM to start others with, and the console. */
record Launcher(Path repository, Map<String, String> environment, Console console, PrintStream err) {

    /** The shim passes the repository root; without it, the working directory. */
    static final String REPOSITORY_PROPERTY = "smarketing.repository";

    static Launcher fromSystem() {
        Path repository = Path.of(System.getProperty(REPOSITORY_PROPERTY, ".")).toAbsolutePath().normalize();
        return new Launcher(repository, System.getenv(), new Console(System.out), System.err);
    }

    Addresses addresses(Profile profile) {
        try {
            return Addresses.resolve(profile, repository, environment);
        } catch (IllegalArgumentException e) {
            throw new LauncherException(e.getMessage());
        }
    }

    /** The java that runs this launcher (JAVA_HOME or the PATH's, as the shim found it). */
    String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** This launcher's classpath: deploy/local and its runtime dependencies, Kafka's among them. */
    String classpath() {
        return System.getProperty(Boot.CLASSPATH_PROPERTY, System.getProperty("java.class.path"));
    }

    Path jar(Service service) {
        return repository.resolve(((Start.QuarkusApp) service.component().start()).jar());
    }

    /** Every service jar is there (this launcher, deploy/local, runs, so it is built). */
    boolean built() {
        return Platform.SERVICES.stream().allMatch(service -> Files.isRegularFile(jar(service)));
    }

    /** Runs the Maven wrapper at the repository root, its output on this console; returns its exit code. */
    int maven(List<String> arguments) {
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        List<String> command = new ArrayList<>(List.of(repository.resolve(windows ? "mvnw.cmd" : "mvnw").toString(), "-B"));
        command.addAll(arguments);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(repository.toFile()).inheritIO();
            builder.environment().putAll(environment); // e.g. the test platform's service options, for tests that restart one
            Process process = builder.start();
            return process.waitFor();
        } catch (IOException e) {
            throw new LauncherException("cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }

    /** {@code ./mvnw -B -q install -DskipTests}: the service jars and this launcher. */
    void build() {
        console.step("building (./mvnw -B -q install -DskipTests)");
        int exit = maven(List.of("-q", "install", "-DskipTests"));
        if (exit != 0) {
            throw new LauncherException("the build failed (exit " + exit + ")", "", exit);
        }
    }
}
