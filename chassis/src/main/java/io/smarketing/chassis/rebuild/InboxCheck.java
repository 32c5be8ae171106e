package io.smarketing.chassis.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether the rebuilt inbox holds every event the live one does (all but those pruned by age): anything the live
 * consumers applied is then in the rebuilt tables, and they will skip it when it comes to them.
 * <p>
 * In two steps, so that the live consumers are held back only for what is new. {@link #ahead} compares the whole
 * inbox while they run, and keeps what the rebuild did not hold yet. {@link #missing} runs under the hold. It
 * checks what {@code ahead} kept, and every live row written by a transaction that was still to come or running
 * when {@code ahead} began: that transaction may have committed after its comparison looked.
 */
final class InboxCheck {

    /** Where {@link #ahead} keeps the ids the rebuild did not hold yet: in the rebuild's schema, dropped with it. */
    static final String UNCONFIRMED_TABLE = "unconfirmed_event";

    private final String live;
    private final String rebuilt;
    /** The oldest transaction still running when the comparison began: its rows and all later ones are new. */
    private final String oldestRunning;
    private final long unconfirmed;

    private InboxCheck(String live, String rebuilt, String oldestRunning, long unconfirmed) {
        this.live = live;
        this.rebuilt = rebuilt;
        this.oldestRunning = oldestRunning;
        this.unconfirmed = unconfirmed;
    }

    /** Compares the whole inbox, in a transaction of its own on the connection. */
    static InboxCheck ahead(Connection connection, String live, String rebuilt) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            String oldestRunning;
            try (ResultSet row = statement.executeQuery("select pg_snapshot_xmin(pg_current_snapshot())::text")) {
                row.next();
                oldestRunning = row.getString(1);
            }
            // Both hold every event of the log: memory enough for the anti-join's hash to stay off the disk.
            statement.execute("set local work_mem = '256MB'");
            statement.execute("drop table if exists " + rebuilt + "." + UNCONFIRMED_TABLE);
            long unconfirmed = statement.executeUpdate("create unlogged table " + rebuilt + "." + UNCONFIRMED_TABLE
                    + " as select consumer, event_id from " + live + "." + ProjectionSwitch.INBOX_TABLE + " applied"
                    + " where not exists (select 1 from " + rebuilt + "." + ProjectionSwitch.INBOX_TABLE + " replayed"
                    + " where replayed.consumer = applied.consumer and replayed.event_id = applied.event_id)");
            connection.commit();
            return new InboxCheck(live, rebuilt, oldestRunning, unconfirmed);
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** What the rebuild did not hold yet when {@link #ahead} compared. */
    long unconfirmed() {
        return unconfirmed;
    }

    /**
     * How many events the live inbox holds that the rebuilt one does not, on the switch's connection. A live row
     * is new when its transaction is not older than the oldest one running at the comparison: {@code age} counts
     * transactions back from now, so a smaller or equal age is a later or the same transaction (a frozen row's age
     * is the largest there is).
     */
    long missing(Connection connection) throws SQLException {
        String inbox = ProjectionSwitch.INBOX_TABLE;
        try (PreparedStatement count = connection.prepareStatement("select count(*) from ("
                + " select consumer, event_id from " + live + "." + inbox
                + "  where age(xmin) <= age(xid(?::xid8))"
                + " union"
                + " select consumer, event_id from " + rebuilt + "." + UNCONFIRMED_TABLE + " kept where exists ("
                + "  select 1 from " + live + "." + inbox + " applied"
                + "  where applied.consumer = kept.consumer and applied.event_id = kept.event_id)"
                + ") unchecked where not exists (select 1 from " + rebuilt + "." + inbox + " replayed"
                + " where replayed.consumer = unchecked.consumer and replayed.event_id = unchecked.event_id)")) {
            count.setString(1, oldestRunning);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
