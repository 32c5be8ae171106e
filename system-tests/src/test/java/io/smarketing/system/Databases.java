package io.smarketing.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.smarketing.platform.DatabaseCredentials;
import io.smarketing.platform.Service;

/**
 * The four services' databases on the test platform's PostgreSQL, read directly: every table's row count and a
 * checksum of its rows, to show that a run of requests changed nothing. The server, the roles and the passwords
 * are those the launcher wrote in the platform's state folder ({@link PlatformUnderTest}).
 */
final class Databases {

    private static final List<String> NAMES = io.smarketing.platform.Platform.SERVICES.stream().map(Service::database).toList();

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
        DatabaseCredentials credentials = PlatformUnderTest.databaseCredentials();
        return DriverManager.getConnection(PlatformUnderTest.ADDRESSES.jdbcUrl(database), credentials.user(database),
                credentials.password(database));
    }
}
