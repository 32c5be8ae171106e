package io.smarketing.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The machine's own ceiling for what lead capture does at its core: pgbench's rate of single-row durable
 * inserts of a lead-sized row from many clients, on the same PostgreSQL, in the same run as the benchmark.
 * Our capture throughput is quoted as a share of it.
 */
final class PgbenchCeiling {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final String TABLE = "pgbench_lead_ceiling";
    private static final String SCRIPT = """
            insert into %s (id, email, name, company, channel, score, stage, created_at, updated_at)
            values (gen_random_uuid(), 'ceiling-' || :client_id || '-' || random() || '@bench.example', 'Pat Bench',
                    'Bench Ltd', 'WEB', 40, 'NEW', now(), now());
            """.formatted(TABLE);

    private PgbenchCeiling() {
    }

    /** Debian's pgbench (package postgresql-client or postgresql), if this machine has one. */
    static Optional<Path> pgbench() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            Optional<Path> debian = versions.map(version -> version.resolve("bin/pgbench")).filter(Files::isExecutable)
                    .sorted().reduce((first, second) -> second);
            if (debian.isPresent()) {
                return debian;
            }
        } catch (IOException noDebianPostgres) {
            // look on the PATH instead
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).map(dir -> Path.of(dir, "pgbench"))
                .filter(Files::isExecutable).findFirst();
    }

    /**
     * Runs pgbench for {@code seconds} with {@code clients} connections and returns its transactions per
     * second; creates and drops its own copy of the lead table (same columns and indexes) in the database.
     */
    static double insertsPerSecond(Path pgbench, int port, String database, String user, String password,
            int clients, int seconds) throws IOException, InterruptedException {
        Path script = Files.createTempFile("pgbench-lead", ".sql");
        try {
            Files.writeString(script, SCRIPT);
            psql(pgbench, port, database, user, password, "create table if not exists " + TABLE
                    + " (like lead including all)");
            String output = run(List.of(pgbench.toString(), "-n", "-h", "127.0.0.1", "-p", String.valueOf(port),
                    "-U", user, "-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds), "-f",
                    script.toString(), database), password, seconds + 60);
            Matcher tps = TPS.matcher(output);
            if (!tps.find()) {
                throw new IOException("pgbench printed no rate:\n" + output);
            }
            return Double.parseDouble(tps.group(1));
        } finally {
            psql(pgbench, port, database, user, password, "drop table if exists " + TABLE);
            Files.deleteIfExists(script);
        }
    }

    private static void psql(Path pgbench, int port, String database, String user, String password, String sql)
            throws IOException, InterruptedException {
        Path psql = pgbench.resolveSibling("psql");
        run(List.of(psql.toString(), "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-U", user, "-d", database, "-c", sql), password, 60);
    }

    private static String run(List<String> command, String password, int timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", password);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command.subList(0, 1)) + " failed:\n" + output);
        }
        return output;
    }
}
