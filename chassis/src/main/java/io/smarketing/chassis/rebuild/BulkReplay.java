package io.smarketing.chassis.rebuild;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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
 * each {@link Derived} compute its tables from the rows in one statement or a few, in one transaction that no
 * consumer batch overlaps; the batches after it keep everything up to date as in the live service.
 * <p>
 * In the live service (no rebuild) there is no bulk phase: {@link #active()} is false and {@link #batch} only
 * runs the batch.
 */
@ApplicationScoped
public class BulkReplay {

    private static final Logger LOG = Logger.getLogger(BulkReplay.class);

    /**
     * What a service derives from its projection rows and, during the bulk phase, computes once at its end rather
     * than batch by batch.
     */
    public interface Derived {

        /** Computes the derived tables from the rows replayed so far, on a connection in the phase's transaction. */
        void computeFromRows(Connection connection) throws SQLException;
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
     * Ends the bulk phase: waits for the batch in flight, recreates the dropped indexes, computes every
     * {@link Derived} table from the rows, all in one transaction; from its commit on, every batch keeps them up.
     */
    void end() throws SQLException {
        if (!active) {
            return;
        }
        long begun = System.nanoTime();
        phase.writeLock().lock();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // Index builds sort in memory rather than on disk.
                statement.execute("set local maintenance_work_mem = '512MB'");
                for (String index : droppedIndexes) {
                    statement.execute(index);
                }
            }
            long indexed = System.nanoTime();
            for (Derived each : derived) {
                each.computeFromRows(connection);
            }
            connection.commit();
            // Batches wait for the write lock, so the first one after the commit is the first to keep them up.
            active = false;
            LOG.infof("Bulk replay ended: %d indexes created in %d ms, derived tables computed in %d ms",
                    droppedIndexes.size(), (indexed - begun) / 1_000_000, (System.nanoTime() - indexed) / 1_000_000);
        } finally {
            phase.writeLock().unlock();
        }
    }
}
