package io.smarketing.chassis.rebuild;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;

/**
 * The first, bulk phase of a rebuild's replay: the tables are fresh and nobody reads them, so the replay writes
 * only what the events themselves say. The secondary indexes of the rebuilt tables are dropped at its start, and
 * what is derived from the written rows (a service's {@link Derived} tables, such as goals-service's rollups) is
 * not kept up batch by batch. When the replay has nearly caught up, {@link #end()} recreates the indexes and lets
 * each {@link Derived} compute its tables from the rows in one statement or a few, while no consumer batch runs;
 * the batches after it keep everything up to date as in the live service.
 * <p>
 * In the live service (no rebuild) there is no bulk phase: {@link #active()} is false and {@link #batch} only
 * runs the batch.
 */
@ApplicationScoped
public class BulkReplay {

    private static final Logger LOG = Logger.getLogger(BulkReplay.class);
    /** Index builds and derived tables at the end of the phase at once: the consumers wait meanwhile. */
    static final int PARALLEL_STATEMENTS = 3;

    /**
     * What a service derives from its projection rows and, during the bulk phase, computes once at its end rather
     * than batch by batch.
     */
    public interface Derived {

        /**
         * Statements that fill the derived tables, empty until then, from the rows replayed so far: run in order,
         * in one transaction, while the indexes are being built.
         */
        List<String> fromRows();
    }

    private final RebuildConfig config;
    private final AgroalDataSource dataSource;
    private final Instance<Derived> derived;
    /** Consumer batches hold it shared for their whole transaction; the end of the bulk phase holds it alone. */
    private final ReentrantReadWriteLock phase = new ReentrantReadWriteLock();
    private volatile boolean active;
    private final List<String> droppedIndexes = new ArrayList<>();

    BulkReplay(RebuildConfig config, AgroalDataSource dataSource, Instance<Derived> derived) {
        this.config = config;
        this.dataSource = dataSource;
        this.derived = derived;
        this.active = config.enabled();
    }

    /**
     * Whether the batch at hand is part of the bulk phase: it writes its rows and skips what a {@link Derived}
     * computes at the end. Read inside {@link #batch}, it stays the same until the batch has committed.
     */
    public boolean active() {
        return active;
    }

    /** Runs one consumer batch's transaction; the end of the bulk phase waits for it, or it for the end. */
    public void batch(Runnable transaction) {
        if (!config.enabled()) {
            transaction.run();
            return;
        }
        phase.readLock().lock();
        try {
            transaction.run();
        } finally {
            phase.readLock().unlock();
        }
    }

    /**
     * Drops the secondary indexes (neither unique nor behind a constraint) of the tables, remembering how to
     * create them again: the replay's upserts then write each row's new version to its unique index only.
     */
    void begin(List<String> tables) throws SQLException {
        phase.writeLock().lock();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement("""
                    select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
                    from pg_index i join pg_class t on t.oid = i.indrelid
                    where t.relnamespace = current_schema()::regnamespace and t.relname = any(?)
                        and not i.indisunique and not i.indisprimary
                        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
                    order by 1""")) {
                Array names = connection.createArrayOf("text", tables.toArray());
                select.setArray(1, names);
                List<String> dropped = new ArrayList<>();
                try (ResultSet rows = select.executeQuery(); Statement drop = connection.createStatement()) {
                    while (rows.next()) {
                        drop.addBatch("drop index " + rows.getString(1));
                        dropped.add(rows.getString(2));
                    }
                    drop.executeBatch();
                }
                connection.commit();
                droppedIndexes.addAll(dropped);
                LOG.infof("Bulk replay: %d secondary indexes of %s dropped until the replay has caught up",
                        dropped.size(), tables);
            }
        } finally {
            phase.writeLock().unlock();
        }
    }

    /**
     * Ends the bulk phase: waits for the batch in flight, then recreates the dropped indexes and computes every
     * {@link Derived} table from the rows, {@value #PARALLEL_STATEMENTS} at a time, each in a transaction of its
     * own on a connection of its own: they read and write different relations, and nobody reads these tables
     * before the switch (a rebuild that fails here exits, and the next one starts from a clean schema). No batch
     * runs meanwhile; from the end on, every batch keeps the indexes and the derived tables up.
     */
    void end() throws SQLException {
        if (!active) {
            return;
        }
        long begun = System.nanoTime();
        phase.writeLock().lock();
        ExecutorService statements = Executors.newFixedThreadPool(PARALLEL_STATEMENTS);
        try {
            // The derived tables first: each takes longest, and the index builds fill the other lanes.
            List<Future<Long>> jobs = new ArrayList<>();
            for (Derived each : derived) {
                String[] fromRows = each.fromRows().toArray(String[]::new);
                jobs.add(statements.submit(() -> inTransaction(connection -> execute(connection, fromRows))));
            }
            int derivedJobs = jobs.size();
            for (String index : droppedIndexes) {
                // Index builds sort in memory rather than on disk.
                jobs.add(statements.submit(() -> inTransaction(connection ->
                        execute(connection, "set local maintenance_work_mem = '512MB'", index))));
            }
            long derivedMillis = 0;
            long indexMillis = 0;
            for (int i = 0; i < jobs.size(); i++) {
                long millis = result(jobs.get(i));
                if (i < derivedJobs) {
                    derivedMillis += millis;
                } else {
                    indexMillis += millis;
                }
            }
            // Batches wait for the write lock, so the first one after it is the first to keep them up.
            active = false;
            LOG.infof("Bulk replay ended in %d ms: %d indexes created (%d ms of statements), derived tables computed "
                    + "(%d ms), %d statements at a time", (System.nanoTime() - begun) / 1_000_000, droppedIndexes.size(),
                    indexMillis, derivedMillis, PARALLEL_STATEMENTS);
        } finally {
            statements.shutdownNow();
            phase.writeLock().unlock();
        }
    }

    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    private static void execute(Connection connection, String... sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    /** Runs the work in a transaction of its own; returns how long it took, in milliseconds. */
    private long inTransaction(Work work) throws SQLException {
        long begun = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            work.run(connection);
            connection.commit();
        }
        return (System.nanoTime() - begun) / 1_000_000;
    }

    private static long result(Future<Long> job) throws SQLException {
        try {
            return job.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while the bulk phase ended", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException("the end of the bulk phase failed", e.getCause());
        }
    }
}
