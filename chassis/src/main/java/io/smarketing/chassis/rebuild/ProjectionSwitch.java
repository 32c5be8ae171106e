package io.smarketing.chassis.rebuild;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The switch from the live projection tables to the rebuilt ones, on one connection, in one transaction: hold the
 * live consumers back, check that the rebuilt tables hold everything the live ones do, move the live tables (and
 * the views over them) aside and the rebuilt ones into their place, commit. Readers are never held back but for
 * the moves themselves (milliseconds): until the commit they read the live tables, after it the rebuilt ones.
 */
final class ProjectionSwitch implements AutoCloseable {

    /** The inbox's table: every batch of a consumer writes it first, in the batch's transaction. */
    static final String INBOX_TABLE = "processed_event";

    private final Connection connection;
    private final String live;
    private final String rebuilt;
    private final String replaced;
    private final List<String> tables;

    /**
     * @param tables the projection tables; the inbox's table is added first, so a live consumer is held back
     *        before its batch touches anything else
     */
    ProjectionSwitch(Connection connection, RebuildConfig config, List<String> tables) throws SQLException {
        this.connection = connection;
        this.live = config.liveSchema();
        this.rebuilt = config.schema();
        this.replaced = config.replacedSchema();
        this.tables = Stream.concat(Stream.of(INBOX_TABLE), tables.stream().filter(t -> !t.equals(INBOX_TABLE))).toList();
        connection.setAutoCommit(false);
    }

    List<String> tables() {
        return tables;
    }

    /**
     * Takes the live tables in EXCLUSIVE mode: reads go on, every write waits (a live consumer's next batch waits
     * at its first statement, the inbox's insert), and a batch that is being applied commits first.
     */
    void holdLiveConsumers(long lockTimeoutMillis) throws SQLException {
        execute("set local lock_timeout = " + lockTimeoutMillis);
        execute("lock table " + qualified(live, tables) + " in exclusive mode");
    }

    /**
     * Why the rebuilt tables must not replace the live ones; empty when they may. Under the hold: the inbox check
     * only looks at what is new since its first step.
     */
    List<String> problems(InboxCheck inboxCheck) throws SQLException {
        List<String> problems = new ArrayList<>();
        for (String table : tables) {
            if (!exists(rebuilt, table)) {
                problems.add(rebuilt + "." + table + " does not exist");
            }
            if (!exists(live, table)) {
                problems.add(live + "." + table + " does not exist");
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        List<String> liveMigrations = migrations(live);
        List<String> rebuiltMigrations = migrations(rebuilt);
        if (!liveMigrations.equals(rebuiltMigrations)) {
            problems.add("the rebuild ran other migrations than the live service (live: " + last(liveMigrations)
                    + ", rebuild: " + last(rebuiltMigrations) + "): run the rebuild with the live service's version");
        }
        long missing = inboxCheck.missing(connection);
        if (missing > 0) {
            problems.add(missing + " events the live service applied are not in the rebuild (records the replay "
                    + "could not apply, or another consumer name in " + INBOX_TABLE + ")");
        }
        return problems;
    }

    /** The views over the tables (and over those views), found in the live schema. */
    List<String> views() throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                with recursive moved as (
                    select c.oid from pg_class c where c.relnamespace = ?::regnamespace and c.relname = any(?)
                    union
                    select rule.ev_class from pg_depend d join pg_rewrite rule on rule.oid = d.objid
                        join moved on d.refobjid = moved.oid
                    where d.classid = 'pg_rewrite'::regclass and rule.ev_class <> d.refobjid)
                select c.relname from moved join pg_class c on c.oid = moved.oid where c.relkind = 'v' order by 1""")) {
            select.setString(1, live);
            Array names = connection.createArrayOf("text", tables.toArray());
            select.setArray(2, names);
            List<String> views = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    views.add(rows.getString(1));
                }
            }
            return views;
        }
    }

    /** Moves the live relations to the replaced schema and the rebuilt ones into the live schema. */
    void swap(List<String> views) throws SQLException {
        for (String view : views) {
            if (!exists(rebuilt, view)) {
                throw new SQLException("the rebuild has no view " + view + " over its tables");
            }
        }
        execute("drop schema if exists " + replaced + " cascade");
        execute("create schema " + replaced);
        for (String schema : List.of(live, rebuilt)) {
            String target = schema.equals(live) ? replaced : live;
            for (String table : tables) {
                execute("alter table " + schema + "." + table + " set schema " + target);
            }
            for (String view : views) {
                execute("alter view " + schema + "." + view + " set schema " + target);
            }
        }
    }

    void commit() throws SQLException {
        connection.commit();
    }

    /** What is left of the rebuild schema (the service's own tables, empty there, and Flyway's history). */
    void dropRebuildSchema() throws SQLException {
        connection.setAutoCommit(true);
        execute("drop schema if exists " + rebuilt + " cascade");
    }

    @Override
    public void close() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
        connection.close();
    }

    private boolean exists(String schema, String relation) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select 1 from pg_class where relnamespace = ?::regnamespace and relname = ?")) {
            select.setString(1, schema);
            select.setString(2, relation);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private List<String> migrations(String schema) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Statement select = connection.createStatement(); ResultSet rows = select.executeQuery(
                "select version, checksum from " + schema + ".flyway_schema_history where success and version is not null "
                        + "order by installed_rank")) {
            while (rows.next()) {
                versions.add(rows.getString(1) + "/" + rows.getString(2));
            }
        }
        return versions;
    }

    private static String last(List<String> migrations) {
        return migrations.isEmpty() ? "none" : "V" + migrations.get(migrations.size() - 1).split("/")[0];
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String qualified(String schema, List<String> tables) {
        return tables.stream().map(table -> schema + "." + table).collect(Collectors.joining(", "));
    }
}
