package io.smarketing.chassis.rebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.testing.RealInfrastructure;

/**
 * The switch's inbox check in two steps finds exactly the events the live inbox holds and the rebuilt one does
 * not, also those the live consumers applied while its first step ran.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class InboxCheckTest {

    private static final String LIVE = "check_live";
    private static final String REBUILT = "check_rebuilt";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void freshSchemas() throws SQLException {
        for (String schema : new String[] { LIVE, REBUILT }) {
            execute("drop schema if exists " + schema + " cascade", "create schema " + schema,
                    "create table " + schema + ".processed_event (like public.processed_event including all)");
        }
    }

    @Test
    void whatTheRebuildHeldAheadOrCaughtUpWithIsNotMissingAndAllElseIs() throws SQLException {
        applied(LIVE, "a", "b", "c", "d");
        applied(REBUILT, "a", "b");
        InboxCheck check = ahead();
        assertEquals(2, check.unconfirmed(), "c and d were not in the rebuild yet");

        applied(LIVE, "e", "f");
        applied(REBUILT, "c", "e");

        assertEquals(2, missing(check), "d and f");
        applied(REBUILT, "d", "f");
        assertEquals(0, missing(check));
    }

    /** A live batch that began before the first step and committed after it: its rows were not compared then. */
    @Test
    void aLiveBatchThatCommittedWhileTheFirstStepRanIsCheckedUnderTheHold() throws SQLException {
        applied(LIVE, "a");
        applied(REBUILT, "a");
        InboxCheck check;
        try (Connection batch = dataSource.getConnection()) {
            batch.setAutoCommit(false);
            try (Statement insert = batch.createStatement()) {
                insert.execute(row(LIVE, "late"));
            }
            check = ahead();
            batch.commit();
        }
        assertEquals(0, check.unconfirmed(), "the first step did not see the running batch's row");

        assertEquals(1, missing(check), "the late batch's row is not in the rebuild");
        applied(REBUILT, "late");
        assertEquals(0, missing(check));
    }

    @Test
    void aKeptIdThatTheLiveServiceHasPrunedSinceIsNotMissing() throws SQLException {
        applied(LIVE, "old");
        InboxCheck check = ahead();
        assertEquals(1, check.unconfirmed());
        execute("delete from " + LIVE + ".processed_event where event_id = 'old'");

        assertEquals(0, missing(check));
    }

    private InboxCheck ahead() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return InboxCheck.ahead(connection, LIVE, REBUILT);
        }
    }

    private long missing(InboxCheck check) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return check.missing(connection);
        }
    }

    /** Each id in a transaction of its own, as the consumers' batches write them. */
    private void applied(String schema, String... ids) throws SQLException {
        for (String id : ids) {
            execute(row(schema, id));
        }
    }

    private static String row(String schema, String id) {
        return "insert into " + schema + ".processed_event (consumer, event_id, ce_type) values ('events', '" + id
                + "', 'io.smarketing.lead.created.v1')";
    }

    private void execute(String... sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }
}
