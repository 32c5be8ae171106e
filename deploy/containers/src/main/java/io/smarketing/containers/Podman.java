package io.smarketing.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * podman as root, with the settings that work on machines without Docker: runc instead of crun (crun does
 * not support hybrid cgroups), no default ulimits (the container may not raise the host's hard limits) and
 * chroot isolation for builds. The settings live in a containers.conf named by CONTAINERS_CONF, so that
 * podman-compose, which calls podman itself, runs with them too.
 */
public final class Podman {

    static final String CONTAINERS_CONF = """
            # Written by deploy/containers: what works for podman on these machines (deploy/README.md, "Containers").
            [containers]
            # Keep the process's own limits: a container may not raise the host's hard limits.
            default_ulimits = []

            [engine]
            # crun fails here ("cgroups in hybrid mode not supported"); runc works.
            runtime = "runc"
            """;

    /** What a podman command answered. */
    public record Result(List<String> command, int exitCode, String out, String err) {

        boolean ok() {
            return exitCode == 0;
        }

        /** The standard output, or a failure that says what was run and what podman said. */
        String orFail() {
            if (!ok()) {
                throw new ContainerFailure(String.join(" ", command) + " failed (exit " + exitCode + "): " + err.strip());
            }
            return out.strip();
        }
    }

    private final Map<String, String> environment;

    private Podman(Map<String, String> environment) {
        this.environment = environment;
    }

    /** A podman whose configuration is written to {@code <state>/containers.conf}. */
    public static Podman configured(Path state) {
        try {
            Files.createDirectories(state);
            Path conf = state.resolve("containers.conf");
            Files.writeString(conf, CONTAINERS_CONF);
            return new Podman(environment(conf));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + state.resolve("containers.conf"), e);
        }
    }

    static Map<String, String> environment(Path conf) {
        return Map.of("CONTAINERS_CONF", conf.toAbsolutePath().toString(), "BUILDAH_ISOLATION", "chroot");
    }

    /** The environment every podman (or podman-compose) process gets. */
    public Map<String, String> environment() {
        return environment;
    }

    /** Runs {@code podman <args>} to its end and returns what it said. */
    public Result run(String... args) {
        return run(List.of(args));
    }

    public Result run(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add("podman");
        command.addAll(args);
        try {
            Process process = builder(command).start();
            process.getOutputStream().close();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String out = read(process.getInputStream());
            int exit = process.waitFor();
            return new Result(command, exit, out, err.join());
        } catch (IOException e) {
            throw new ContainerFailure("Cannot run podman (" + e.getMessage() + "): install it with "
                    + "`apt-get install -y podman runc podman-compose buildah debootstrap`");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerFailure("Interrupted while running " + String.join(" ", command));
        }
    }

    /** A process builder for a podman command (or a tool that calls podman) with this configuration. */
    public ProcessBuilder builder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return builder;
    }

    boolean imageExists(String image) {
        return run("image", "exists", image).ok();
    }

    long imageSize(String image) {
        return Long.parseLong(run("image", "inspect", "--format", "{{.Size}}", image).orFail());
    }

    /**
     * Fails loudly unless podman answers and can start a container: the runtime, cgroups and the image's
     * root filesystem are all exercised by running {@code java -version} in the given image.
     */
    void requireWorkingRuntime(String image) {
        Result info = run("info", "--format", "{{.Host.OCIRuntime.Name}} {{.Host.CgroupsVersion}}");
        if (!info.ok()) {
            throw new ContainerFailure("podman does not work here: " + info.err().strip());
        }
        Result started = run("run", "--rm", "--network=host", image, "java", "-version");
        if (!started.ok()) {
            throw new ContainerFailure("podman cannot start a container (runtime, cgroups: " + info.out().strip() + "): "
                    + started.err().strip());
        }
    }

    private static String read(java.io.InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits for a process started elsewhere, at most the given seconds; false when it still runs. */
    static boolean waitFor(Process process, long seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
