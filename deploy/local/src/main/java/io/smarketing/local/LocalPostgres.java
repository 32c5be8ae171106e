package io.smarketing.local;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for the local platform, as its own process: PostgreSQL 14 binaries from Maven
 * Central (zonky), a data directory kept between runs, and one role and database per service.
 *
 * <pre>
 * LocalPostgres --port 15432 --data .smarketing/postgres/data [--binaries .smarketing/postgres/binaries] [--log file]
 * </pre>
 *
 * Prints {@code ready} on stdout once every service database exists, then runs until SIGTERM, when it stops
 * PostgreSQL cleanly (fast shutdown). A server left running by a run that was killed with SIGKILL is stopped
 * first, so a new start always works.
 */
public final class LocalPostgres {

    /** One role and one database per service, owned by that role; password = role name (local use only). */
    static final List<String> DATABASES = List.of("goals", "leads", "campaigns", "feedback");

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("LocalPostgres: " + e.getMessage());
            System.err.println("usage: LocalPostgres --port <port> --data <dir> [--binaries <dir>] [--log <file>]");
            System.exit(2);
            return;
        }
        Files.createDirectories(options.data());
        if (lockedByAnotherRun(options.data())) {
            System.err.println("LocalPostgres: another LocalPostgres runs on " + options.data() + "; stop it first");
            System.exit(1);
        }
        stopServerLeftByKilledRun(options.data());

        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(options.port())
                .setDataDirectory(options.data())
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1");
        if (options.binaries().isPresent()) {
            removeHalfExtractedBinaries(options.binaries().get());
            builder.setOverrideWorkingDirectory(options.binaries().get().toFile());
        }
        // The server's own output goes straight to the log file, so it is kept even if this JVM dies first.
        options.log().ifPresent(file -> {
            builder.setOutputRedirector(ProcessBuilder.Redirect.appendTo(file.toFile()));
            builder.setErrorRedirector(ProcessBuilder.Redirect.appendTo(file.toFile()));
        });

        EmbeddedPostgres postgres = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("LocalPostgres: could not stop PostgreSQL cleanly: " + e);
            } finally {
                stopped.countDown();
            }
        }, "local-postgres-stop"));

        createServiceDatabases(postgres);
        System.out.println("ready");
        System.out.flush();
        // This JVM only waits from now on: hand back the heap used while extracting the binaries.
        System.gc();
        System.err.printf("LocalPostgres: PostgreSQL on 127.0.0.1:%d, data in %s, databases %s%n",
                options.port(), options.data().toAbsolutePath(), DATABASES);
        stopped.await();
    }

    /** Idempotent: creates what is missing, leaves what exists. */
    static void createServiceDatabases(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            for (String name : DATABASES) {
                if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)) {
                    execute(connection, "CREATE ROLE " + name + " LOGIN PASSWORD '" + name + "'");
                }
                if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                    execute(connection, "CREATE DATABASE " + name + " OWNER " + name + " ENCODING 'UTF8'");
                }
            }
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** zonky holds a lock on {@code epg-lock} while it runs; the operating system drops it when the JVM dies. */
    static boolean lockedByAnotherRun(Path data) throws IOException {
        Path lockFile = data.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return false; // never started here: initdb wants an empty directory
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            return lock == null;
        }
    }

    /**
     * zonky starts the server through {@code pg_ctl}, which detaches it: when this JVM is killed with SIGKILL,
     * the server keeps running and owns the data directory. Stop it (SIGINT = fast shutdown) before starting
     * again. A {@code postmaster.pid} whose process is gone is left to PostgreSQL, which removes it itself.
     */
    static void stopServerLeftByKilledRun(Path data) throws IOException, InterruptedException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).trim());
        Optional<ProcessHandle> server = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(LocalPostgres::isPostgres).orElse(false));
        if (server.isEmpty()) {
            return;
        }
        System.err.printf("LocalPostgres: stopping PostgreSQL (pid %d) left running by an earlier run%n", pid);
        new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (server.get().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (server.get().isAlive()) {
            throw new IllegalStateException("PostgreSQL pid " + pid + " (data " + data + ") did not stop; stop it by hand");
        }
    }

    /**
     * zonky extracts the binaries into {@code PG-<digest>/} and marks them complete with a {@code .exists} file;
     * after an interrupted extraction it would not extract again over the half-written files, so remove them.
     */
    static void removeHalfExtractedBinaries(Path binaries) throws IOException {
        if (!Files.isDirectory(binaries)) {
            return;
        }
        try (Stream<Path> children = Files.list(binaries)) {
            for (Path dir : children.filter(Files::isDirectory).toList()) {
                if (dir.getFileName().toString().startsWith("PG-") && !Files.exists(dir.resolve(".exists"))) {
                    System.err.println("LocalPostgres: removing half-extracted binaries " + dir);
                    try (Stream<Path> tree = Files.walk(dir)) {
                        for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                            Files.delete(path);
                        }
                    }
                }
            }
        }
    }

    private static boolean isPostgres(String command) {
        String name = new File(command).getName();
        return name.equals("postgres") || name.equals("postmaster");
    }

    record Options(int port, Path data, Optional<Path> binaries, Optional<Path> log) {

        static Options parse(String[] args) {
            Integer port = null;
            Path data = null;
            Path binaries = null;
            Path log = null;
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + args[i]);
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--port" -> port = Integer.valueOf(value);
                    case "--data" -> data = Path.of(value).toAbsolutePath();
                    case "--binaries" -> binaries = Path.of(value).toAbsolutePath();
                    case "--log" -> log = Path.of(value).toAbsolutePath();
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (port == null || data == null) {
                throw new IllegalArgumentException("--port and --data are required");
            }
            return new Options(port, data, Optional.ofNullable(binaries), Optional.ofNullable(log));
        }
    }
}
