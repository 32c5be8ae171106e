package io.smarketing.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The base image for machines that reach no container registry: a minimal Debian tree with Debian's Java 17
 * runtime, made with debootstrap from a Debian mirror and imported into podman. It stands in for the public
 * base image of the Dockerfiles; all they need from it is {@code java} on the PATH.
 *
 * <p>The image's tag is a digest of everything it is made from (suite, mirror, packages, this recipe's
 * version), so an image that exists under that name is current and is never built twice; a changed input
 * is a new tag.
 */
public record BaseImage(String suite, String mirror, List<String> packages) {

    /** Debian 12 and its OpenJDK 17 runtime, from Debian's own mirror. */
    public static final BaseImage DEBIAN_JRE_17 =
            new BaseImage("bookworm", "http://deb.debian.org/debian", List.of("openjdk-17-jre-headless"));

    /** Bump when the steps below change what the image holds. */
    static final int RECIPE_VERSION = 1;
    static final String REPOSITORY = "localhost/smarketing/base-jre";
    static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    /** Package caches and documentation: not needed to run, about 190 MB of the tree. */
    static final List<String> TRIMMED =
            List.of("var/cache/apt/archives", "var/lib/apt/lists", "usr/share/doc", "usr/share/man", "usr/share/locale");

    /** What ensure did: the image, whether it had to be built, and how long that took. */
    public record Outcome(String image, boolean built, Duration took) {
    }

    /** The tag says what the image is made of: its inputs' digest. */
    public String image() {
        return REPOSITORY + ":" + suite + "-" + inputsDigest();
    }

    String inputsDigest() {
        String inputs = String.join("\n", "recipe " + RECIPE_VERSION, "suite " + suite, "mirror " + mirror,
                "packages " + String.join(",", packages.stream().sorted().toList()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(inputs.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> debootstrapCommand(Path tree) {
        return List.of("debootstrap", "--variant=minbase", "--include=" + String.join(",", packages), suite,
                tree.toString(), mirror);
    }

    List<String> importArguments() {
        return List.of("import", "--change", "ENV=PATH=" + PATH, "--change", "LABEL=io.smarketing.base.inputs=" + inputsDigest(),
                "-", image());
    }

    /** Builds the image unless it exists; {@code work} holds the tree while it is made and debootstrap's log. */
    public Outcome ensure(Podman podman, Path work) {
        long started = System.nanoTime();
        if (podman.imageExists(image())) {
            return new Outcome(image(), false, Duration.ofNanos(System.nanoTime() - started));
        }
        Path tree = work.resolve("rootfs");
        Path log = work.resolve("debootstrap.log");
        try {
            deleteTree(tree);
            Files.createDirectories(work);
            Process debootstrap = new ProcessBuilder(debootstrapCommand(tree)).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (debootstrap.waitFor() != 0) {
                throw new ContainerFailure("debootstrap of " + suite + " from " + mirror + " failed (it needs root and the mirror): "
                        + "see " + log + "\n" + tail(log));
            }
            for (String trimmed : TRIMMED) {
                deleteTree(tree.resolve(trimmed));
            }
            importTree(podman, tree);
            deleteTree(tree);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the base image in " + work, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerFailure("Interrupted while making the base image");
        }
        return new Outcome(image(), true, Duration.ofNanos(System.nanoTime() - started));
    }

    /** tar of the tree, straight into podman import: no archive on disk. */
    private void importTree(Podman podman, Path tree) throws IOException, InterruptedException {
        List<String> importCommand = new ArrayList<>(List.of("podman"));
        importCommand.addAll(importArguments());
        List<Process> pipeline = ProcessBuilder.startPipeline(List.of(
                new ProcessBuilder("tar", "--numeric-owner", "-C", tree.toString(), "-c", ".")
                        .redirectError(ProcessBuilder.Redirect.INHERIT),
                podman.builder(importCommand).redirectErrorStream(true)));
        Process importer = pipeline.get(1);
        String said = new String(importer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (pipeline.get(0).waitFor() != 0 || importer.waitFor() != 0) {
            throw new ContainerFailure("podman import of " + tree + " failed: " + said.strip());
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
