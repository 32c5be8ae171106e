package io.smarketing.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The four services' databases on the test platform's PostgreSQL, read directly: every table's row count and a
 * checksum of its rows, to show that a run of requests changed nothing. The server is the one in the platform's
 * state folder ({@code smarketing.home}, its {@code postmaster.pid} names the port); each service's role and
 * password are its database's name, as deploy/local creates them, unless {@code smarketing.pg.password} says
 * otherwise.
 */
final class Databases {

    static final List<String> NAMES = List.of("goals", "leads", "campaigns", "feedback");

    private Databases() {
    }

    /** {@code database.table} → {@code count:checksum}, for every table of every service. */
    static Map<String, String> snapshot() {
        Map<String, String> tables = new TreeMap<>();
        for (String database : NAMES) {
            try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
                List<String> names = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery(
                        "select tablename from pg_tables where schemaname = 'public' order by tablename")) {
                    while (rows.next()) {
                        names.add(rows.getString(1));
                    }
                }
                for (String table : names) {
                    try (ResultSet row = statement.executeQuery("select count(*), coalesce(md5(string_agg(md5(t::text), '' "
                            + "order by md5(t::text))), '') from \"" + table + "\" t")) {
                        row.next();
                        tables.put(database + "." + table, row.getLong(1) + ":" + row.getString(2));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read database " + database + ": " + e.getMessage(), e);
            }
        }
        return tables;
    }

    /** The tables whose count or checksum differ between two snapshots. */
    static List<String> changed(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        for (String table : union(before, after)) {
            if (!String.valueOf(before.get(table)).equals(String.valueOf(after.get(table)))) {
                changed.add(table + ": " + before.get(table) + " → " + after.get(table));
            }
        }
        return changed;
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        TreeMap<String, String> all = new TreeMap<>(a);
        all.putAll(b);
        return new ArrayList<>(all.keySet());
    }

    private static Connection connect(String database) throws SQLException {
        String host = System.getenv().getOrDefault("SMARKETING_PG_HOST", "127.0.0.1");
        String password = System.getProperty("smarketing.pg.password", database);
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port() + "/" + database, database, password);
    }

    private static int port() {
        String port = System.getenv("SMARKETING_PG_PORT");
        if (port != null && !port.isBlank()) {
            return Integer.parseInt(port);
        }
        Path pid = Path.of(System.getProperty("smarketing.home"), "postgres", "data", "postmaster.pid");
        try {
            return Integer.parseInt(Files.readAllLines(pid).get(3).trim()); // line 4: the port
        } catch (IOException e) {
            throw new UncheckedIOException("The test platform's PostgreSQL is not running (" + pid + ")", e);
        }
    }
}
