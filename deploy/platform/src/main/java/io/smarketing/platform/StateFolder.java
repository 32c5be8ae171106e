package io.smarketing.platform;

import java.nio.file.Path;

/**
 * Where one platform keeps its state ({@code .smarketing/} by default): data, logs, pids, keys and secrets. Delete
 * the folder (after {@code ./smarketing down}) to start from empty data.
 */
public record StateFolder(Path root) {

    public StateFolder {
        root = root.toAbsolutePath().normalize();
    }

    /** {@code logs/<name>.log}, the previous run's as {@code <name>.log.1}. */
    public Path log(String name) {
        return root.resolve("logs").resolve(name + ".log");
    }

    public Path pids() {
        return root.resolve("pids");
    }

    /** The dev signing keys: {@code private.pem} signs tokens, the services verify with {@code public.pem}. */
    public Path keys() {
        return root.resolve("keys");
    }

    public Path privateKey() {
        return keys().resolve("private.pem");
    }

    public Path publicKey() {
        return keys().resolve("public.pem");
    }

    /** The database passwords, readable by the owner only ({@link DatabaseCredentials}). */
    public Path databaseCredentials() {
        return root.resolve("secrets").resolve("postgres.properties");
    }

    public Path postgres() {
        return root.resolve("postgres");
    }

    public Path kafka() {
        return root.resolve("kafka");
    }

    /** Where the running platform answers ({@link Addresses}), written by {@code up}. */
    public Path addresses() {
        return root.resolve("platform.properties");
    }

    /** Written once the demo data loaded, so that it loads once per state folder. */
    public Path demoLoaded() {
        return root.resolve("demo-loaded");
    }
}
